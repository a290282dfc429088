// Profile and password pages of a member.
import { SUPPORTED_LOCALES } from "../../app/locale.ts";
import { timeZoneChoices } from "../../i18n/format.ts";
import type { Member } from "../../ports/member-repository.ts";
import { localeOf, type T } from "../i18n/index.ts";
import type { Errors, Values } from "./auth-views.tsx";
import { Field, Form, FormError, Select } from "./form.tsx";

export function ProfileView(p: {
  t: T;
  csrfToken: string;
  member: Member;
  values?: Values;
  errors?: Errors;
  message?: string | null;
  passwordErrors?: Errors;
  passwordMessage?: string | null;
}) {
  const v = p.values ?? {
    name: p.member.name,
    phone: p.member.phone ?? "",
    locale: p.member.locale,
    timeZone: p.member.timeZone,
  };
  const e = p.errors ?? {};
  const pe = p.passwordErrors ?? {};
  const { t } = p;
  return (
    <div class="row g-4">
      <div class="col-12 col-lg-6">
        <h1 class="h3">{t("profile.title")}</h1>
        <p class="text-muted">{t("profile.signedInAs", { email: p.member.email })}</p>
        <p>
          <a href="/settings/reminders">{t("profile.remindersLink")}</a>
          {t("profile.remindersText")}
        </p>
        <FormError message={p.message} />
        <Form action="/settings/profile" csrfToken={p.csrfToken} label={t("profile.title")}>
          <Field
            name="name"
            label={t("profile.fullName")}
            value={v.name}
            error={e.name}
            required
            maxlength={100}
            autocomplete="name"
          />
          <Field
            name="phone"
            label={t("profile.phone")}
            type="tel"
            value={v.phone}
            error={e.phone}
            maxlength={20}
            autocomplete="tel"
          />
          <Select
            name="locale"
            label={t("profile.language")}
            value={v.locale}
            error={e.locale}
            options={Object.entries(SUPPORTED_LOCALES).map(([value, label]) => ({ value, label }))}
            help={t("profile.languageUse")}
          />
          <Select
            name="timeZone"
            label={t("profile.timeZone")}
            value={v.timeZone}
            error={e.timeZone}
            options={timeZoneChoices(localeOf(t), v.timeZone || p.member.timeZone)}
            help={t("profile.timeZoneHelp")}
          />
          <button class="btn btn-primary" type="submit">
            {t("profile.save")}
          </button>
        </Form>
      </div>
      <div class="col-12 col-lg-6">
        <h2 class="h3">{t("profile.changePassword")}</h2>
        <FormError message={p.passwordMessage} />
        <Form action="/settings/password" csrfToken={p.csrfToken} label={t("profile.changePassword")}>
          <Field
            name="currentPassword"
            label={t("profile.currentPassword")}
            type="password"
            error={pe.currentPassword}
            required
            autocomplete="current-password"
          />
          <Field
            name="newPassword"
            label={t("profile.newPassword")}
            type="password"
            error={pe.newPassword ?? pe.password}
            required
            autocomplete="new-password"
            help={t("profile.newPasswordHelp")}
          />
          <button class="btn btn-outline-primary" type="submit">
            {t("profile.changePassword")}
          </button>
        </Form>
      </div>
    </div>
  );
}
