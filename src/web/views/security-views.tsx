// Settings > Security: two-factor sign-in (set up with a QR code and recovery codes, new codes, turn off) and the list
// of sessions with "sign out everywhere else".
import type { Locale } from "../../app/locale.ts";
import type { Member } from "../../ports/member-repository.ts";
import { deviceName } from "../device-name.ts";
import { formatInstant } from "../format.ts";
import type { T } from "../i18n/index.ts";
import type { Errors } from "./auth-views.tsx";
import { Field, Form, FormError } from "./form.tsx";
import { QrCode } from "./qr-code.tsx";

export type SessionRow = {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  current: boolean;
};

/** What the two-factor section shows: its state, the setup step with the new secret, or freshly made recovery codes. */
export type TwoFactorStep =
  | { kind: "state" }
  | { kind: "setup"; totpUri: string; recoveryCodes: string[] }
  | { kind: "codes"; recoveryCodes: string[] };

type Props = {
  t: T;
  locale: Locale;
  csrfToken: string;
  member: Member;
  sessions: SessionRow[];
  step: TwoFactorStep;
  adminRequiresTwoFactor: boolean;
  errors?: Errors;
  message?: string | null;
};

/** The base32 key inside an otpauth:// URI, in groups of four for typing into an app by hand. */
function keyOf(totpUri: string): string {
  const secret = new URL(totpUri).searchParams.get("secret") ?? "";
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

function RecoveryCodes(p: { codes: string[]; label: string }) {
  return (
    <ul class="recovery-codes list-unstyled border rounded p-3" aria-label={p.label}>
      {p.codes.map((code) => (
        <li>{code}</li>
      ))}
    </ul>
  );
}

function TwoFactorSetup(p: Props & { step: { kind: "setup"; totpUri: string; recoveryCodes: string[] } }) {
  const { t } = p;
  return (
    <section aria-labelledby="setup-heading">
      <h2 class="h4" id="setup-heading">
        {t("security.setUpHeading")}
      </h2>
      <p>{t("security.scan")}</p>
      <QrCode text={p.step.totpUri} label={t("security.qrLabel")} />
      <p class="mt-2">
        {t("security.key")}: <code class="totp-key">{keyOf(p.step.totpUri)}</code>
      </p>
      <p>{t("security.recoveryIntro")}</p>
      <RecoveryCodes codes={p.step.recoveryCodes} label={t("security.recoveryHeading")} />
      <FormError message={p.message} />
      <Form action="/settings/security/two-factor/confirm" csrfToken={p.csrfToken} label={t("security.turnOn")}>
        {/* Shown again if the code is wrong: the secret itself stays on the server. */}
        <input type="hidden" name="totpUri" value={p.step.totpUri} />
        <input type="hidden" name="recoveryCodes" value={p.step.recoveryCodes.join(" ")} />
        <Field
          name="code"
          label={t("security.confirmCode")}
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength={6}
          help={t("security.codeHelp")}
          error={p.errors?.code}
          required
          autofocus
        />
        <button class="btn btn-primary" type="submit">
          {t("security.turnOn")}
        </button>
      </Form>
    </section>
  );
}

function TwoFactorState(p: Props) {
  const { t, member } = p;
  const e = p.errors ?? {};
  if (!member.twoFactorEnabled) {
    return (
      <>
        <p>{t("security.twoFactorOff")}</p>
        {p.adminRequiresTwoFactor && member.role === "admin" && (
          <div class="alert alert-warning">{t("security.twoFactorRequired")}</div>
        )}
        <FormError message={p.message} />
        <Form action="/settings/security/two-factor/setup" csrfToken={p.csrfToken} label={t("security.setUp")}>
          <Field
            name="password"
            label={t("security.password")}
            type="password"
            autocomplete="current-password"
            error={e.password}
            required
          />
          <button class="btn btn-primary" type="submit">
            {t("security.setUp")}
          </button>
        </Form>
      </>
    );
  }
  return (
    <>
      <p>{t("security.twoFactorOn")}</p>
      {p.step.kind === "codes" && (
        <div class="alert alert-success">
          <h3 class="h5">{t("security.recoveryHeading")}</h3>
          <p>{t("security.recoveryShownOnce")}</p>
          <RecoveryCodes codes={p.step.recoveryCodes} label={t("security.recoveryHeading")} />
        </div>
      )}
      <FormError message={p.message} />
      <div class="row g-4">
        <div class="col-12 col-md-6">
          <Form
            action="/settings/security/two-factor/recovery-codes"
            csrfToken={p.csrfToken}
            label={t("security.newRecoveryCodes")}
          >
            <Field
              name="password"
              label={t("security.password")}
              type="password"
              autocomplete="current-password"
              help={t("security.newRecoveryHelp")}
              error={e.recoveryPassword}
              required
            />
            <button class="btn btn-outline-primary" type="submit">
              {t("security.newRecoveryCodes")}
            </button>
          </Form>
        </div>
        <div class="col-12 col-md-6">
          <Form action="/settings/security/two-factor/disable" csrfToken={p.csrfToken} label={t("security.turnOff")}>
            <Field
              name="password"
              label={t("security.password")}
              type="password"
              autocomplete="current-password"
              help={t("security.turnOffHelp")}
              error={e.disablePassword}
              required
            />
            <button class="btn btn-outline-danger" type="submit">
              {t("security.turnOff")}
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}

function Sessions(p: Props) {
  const { t } = p;
  const others = p.sessions.filter((s) => !s.current);
  const when = (d: Date) => formatInstant(d, p.member.timeZone, p.locale);
  return (
    <section aria-labelledby="sessions-heading" class="mt-5">
      <h2 class="h4" id="sessions-heading">
        {t("security.sessionsHeading")}
      </h2>
      <p>{t("security.sessionsIntro")}</p>
      <ul class="list-group mb-3">
        {p.sessions.map((s) => (
          <li class="list-group-item d-flex justify-content-between align-items-start gap-2">
            <div>
              <div class="fw-semibold">
                {deviceName(s.userAgent) ?? t("security.unknownDevice")}
                {s.current && <span class="badge text-bg-success ms-2">{t("security.thisDevice")}</span>}
              </div>
              <div class="small text-muted">
                {t("security.signedInAt", { date: when(s.createdAt) })},{" "}
                {t("security.lastSeen", { date: when(s.updatedAt) })}
                {s.ipAddress ? `, ${t("security.from", { address: s.ipAddress })}` : ""}
              </div>
            </div>
            {!s.current && (
              <Form
                action={`/settings/security/sessions/${encodeURIComponent(s.id)}/end`}
                csrfToken={p.csrfToken}
                label={t("security.signOut")}
              >
                <button class="btn btn-sm btn-outline-secondary" type="submit">
                  {t("security.signOut")}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <Form
          action="/settings/security/sessions/end-others"
          csrfToken={p.csrfToken}
          label={t("security.signOutElsewhere")}
        >
          <button class="btn btn-outline-danger" type="submit">
            {t("security.signOutElsewhere")}
          </button>
        </Form>
      ) : (
        <p class="text-muted">{t("security.noOtherSessions")}</p>
      )}
    </section>
  );
}

export function SecurityView(p: Props) {
  const { t } = p;
  return (
    <div class="row">
      <div class="col-12 col-lg-9">
        <h1 class="h2">{t("security.title")}</h1>
        <p>
          <a href="/settings/activity">{t("security.activityLink")}</a>
          {t("security.activityLinkText")} <a href="/settings/data">{t("security.dataLink")}</a>
          {t("security.dataLinkText")}
        </p>
        <section aria-labelledby="two-factor-heading">
          <h2 class="h4" id="two-factor-heading">
            {t("security.twoFactorHeading")}
          </h2>
          {p.step.kind === "setup" ? <TwoFactorSetup {...p} step={p.step} /> : <TwoFactorState {...p} />}
        </section>
        <Sessions {...p} />
      </div>
    </div>
  );
}
