// Profile and password pages of a member.
import { SUPPORTED_LOCALES } from "../../app/update-profile.ts";
import type { Member } from "../../ports/member-repository.ts";
import type { Errors, Values } from "./auth-views.tsx";
import { Field, Form, FormError, Select } from "./form.tsx";

const TIME_ZONES = Intl.supportedValuesOf("timeZone");

export function ProfileView(p: {
  csrfToken: string;
  member: Member;
  values?: Values;
  errors?: Errors;
  message?: string | null;
  passwordErrors?: Errors;
  passwordMessage?: string | null;
}) {
  const v = p.values ?? { name: p.member.name, phone: p.member.phone ?? "", locale: p.member.locale, timeZone: p.member.timeZone };
  const e = p.errors ?? {};
  const pe = p.passwordErrors ?? {};
  return (
    <div class="row g-4">
      <div class="col-12 col-lg-6">
        <h1 class="h3">Profile</h1>
        <p class="text-muted">Signed in as {p.member.email}.</p>
        <p>
          <a href="/settings/reminders">Reminders and calendar feed</a>: when and how you are reminded of dues, and your private calendar link.
        </p>
        <FormError message={p.message} />
        <Form action="/settings/profile" csrfToken={p.csrfToken} label="Profile">
          <Field name="name" label="Full name" value={v.name} error={e.name} required maxlength={100} autocomplete="name" />
          <Field name="phone" label="Phone" type="tel" value={v.phone} error={e.phone} maxlength={20} autocomplete="tel" />
          <Select
            name="locale"
            label="Language"
            value={v.locale}
            error={e.locale}
            options={Object.entries(SUPPORTED_LOCALES).map(([value, label]) => ({ value, label }))}
            help="Pages are in English for now; your choice is kept for mails and pages as translations arrive."
          />
          <Select
            name="timeZone"
            label="Time zone"
            value={v.timeZone}
            error={e.timeZone}
            options={TIME_ZONES.map((tz) => ({ value: tz, label: tz }))}
            help="Due dates and 'today' follow this time zone."
          />
          <button class="btn btn-primary" type="submit">
            Save profile
          </button>
        </Form>
      </div>
      <div class="col-12 col-lg-6">
        <h2 class="h3">Change password</h2>
        <FormError message={p.passwordMessage} />
        <Form action="/settings/password" csrfToken={p.csrfToken} label="Change password">
          <Field name="currentPassword" label="Current password" type="password" error={pe.currentPassword} required autocomplete="current-password" />
          <Field
            name="newPassword"
            label="New password"
            type="password"
            error={pe.newPassword ?? pe.password}
            required
            autocomplete="new-password"
            help="At least 10 characters. Other devices will be signed out."
          />
          <button class="btn btn-outline-primary" type="submit">
            Change password
          </button>
        </Form>
      </div>
    </div>
  );
}
