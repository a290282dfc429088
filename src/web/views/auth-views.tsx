// Pages of the way in: register, confirm the code, log in, forgot and reset password, waiting for approval.
import type { T } from "../i18n/index.ts";
import { Field, Form, FormError } from "./form.tsx";

export type Values = Record<string, string | undefined>;
export type Errors = Record<string, string | undefined>;

type FormProps = { t: T; csrfToken: string; values: Values; errors: Errors; message?: string | null };

/** The email field the forms of the way in share (sign-in forms say "username" so password managers fill it). */
function EmailField(p: {
  t: T;
  value?: string;
  error?: string;
  autocomplete?: "email" | "username";
  maxlength?: number;
}) {
  return (
    <Field
      name="email"
      label={p.t("auth.email")}
      type="email"
      value={p.value}
      error={p.error}
      required
      autocomplete={p.autocomplete ?? "email"}
      maxlength={p.maxlength}
    />
  );
}

function Card(props: { title: string; children: unknown; lead?: string }) {
  return (
    <div class="row justify-content-center">
      <div class="col-12 col-sm-10 col-md-7 col-lg-5">
        <div class="card shadow-sm">
          <div class="card-body p-4">
            <h1 class="h3 mb-3">{props.title}</h1>
            {props.lead && <p class="text-muted">{props.lead}</p>}
            {props.children as never}
          </div>
        </div>
      </div>
    </div>
  );
}

export function RegisterView(p: FormProps) {
  const { t } = p;
  return (
    <Card title={t("auth.registerTitle")} lead={t("auth.registerLead")}>
      <FormError message={p.message} />
      <Form action="/register" csrfToken={p.csrfToken} label={t("auth.register")}>
        <Field
          name="name"
          label={t("auth.fullName")}
          value={p.values.name}
          error={p.errors.name}
          required
          autocomplete="name"
          maxlength={100}
        />
        <EmailField t={t} value={p.values.email} error={p.errors.email} maxlength={254} />
        <Field
          name="phone"
          label={t("auth.phoneOptional")}
          type="tel"
          value={p.values.phone}
          error={p.errors.phone}
          autocomplete="tel"
          maxlength={20}
          help={t("auth.phoneHelp")}
        />
        <Field
          name="password"
          label={t("auth.password")}
          type="password"
          error={p.errors.password}
          required
          autocomplete="new-password"
          help={t("auth.passwordHelp")}
        />
        <button class="btn btn-primary w-100" type="submit">
          {t("auth.register")}
        </button>
      </Form>
      <p class="mt-3 mb-0 small">
        {t("auth.alreadyRegistered")} <a href="/login">{t("auth.logIn")}</a>
      </p>
    </Card>
  );
}

export function VerifyView(p: FormProps & { cooldownSeconds: number }) {
  const { t } = p;
  return (
    <Card
      title={t("auth.verifyTitle")}
      lead={p.values.email ? t("auth.verifyLead", { email: p.values.email }) : t("auth.verifyLeadNoEmail")}
    >
      <FormError message={p.message} />
      <Form action="/verify" csrfToken={p.csrfToken} label={t("auth.confirmEmail")}>
        <EmailField t={t} value={p.values.email} error={p.errors.email} />
        <Field
          name="code"
          label={t("auth.code")}
          value={p.values.code}
          error={p.errors.code}
          required
          autocomplete="one-time-code"
          inputmode="numeric"
          maxlength={6}
          pattern="[0-9]{6}"
          autofocus
        />
        <button class="btn btn-primary w-100" type="submit">
          {t("auth.confirm")}
        </button>
      </Form>
      <Form action="/verify/resend" csrfToken={p.csrfToken} class="mt-3" label={t("auth.sendNewCode")}>
        <input type="hidden" name="email" value={p.values.email ?? ""} />
        <button class="btn btn-link p-0" type="submit">
          {t("auth.sendMeNewCode")}
        </button>
        <span class="small text-muted ms-2">{t("auth.resendEvery", { seconds: p.cooldownSeconds })}</span>
      </Form>
    </Card>
  );
}

export function LoginView(p: FormProps & { next?: string }) {
  const { t } = p;
  return (
    <Card title={t("layout.logIn")}>
      <FormError message={p.message} />
      <Form action="/login" csrfToken={p.csrfToken} label={t("layout.logIn")}>
        <input type="hidden" name="next" value={p.next ?? ""} />
        <EmailField t={t} value={p.values.email} error={p.errors.email} autocomplete="username" />
        <Field
          name="password"
          label={t("auth.password")}
          type="password"
          error={p.errors.password}
          required
          autocomplete="current-password"
        />
        <button class="btn btn-primary w-100" type="submit">
          {t("layout.logIn")}
        </button>
      </Form>
      <div class="d-flex justify-content-between mt-3 small">
        <a href="/forgot">{t("auth.forgotLink")}</a>
        <a href="/register">{t("auth.createAccount")}</a>
      </div>
    </Card>
  );
}

/** The second step of signing in with two-factor on: the app's code, or a recovery code. */
export function SignInCodeView(p: FormProps & { next?: string }) {
  const { t } = p;
  return (
    <Card title={t("security.codeTitle")} lead={t("security.codeIntro")}>
      <FormError message={p.message} />
      <Form action="/login/code" csrfToken={p.csrfToken} label={t("security.codeTitle")}>
        <input type="hidden" name="next" value={p.next ?? ""} />
        <Field
          name="code"
          label={t("security.codeOrRecovery")}
          error={p.errors.code}
          help={t("security.codeOrRecoveryHelp")}
          autocomplete="one-time-code"
          maxlength={20}
          required
          autofocus
        />
        <button class="btn btn-primary w-100" type="submit">
          {t("security.verify")}
        </button>
      </Form>
      <div class="mt-3 small">
        <a href="/login">{t("layout.logIn")}</a>
      </div>
    </Card>
  );
}

export function ForgotView(p: FormProps) {
  const { t } = p;
  return (
    <Card title={t("auth.forgotTitle")} lead={t("auth.forgotLead")}>
      <FormError message={p.message} />
      <Form action="/forgot" csrfToken={p.csrfToken} label={t("auth.forgotPage")}>
        <EmailField t={t} value={p.values.email} error={p.errors.email} />
        <button class="btn btn-primary w-100" type="submit">
          {t("auth.sendCode")}
        </button>
      </Form>
    </Card>
  );
}

export function ResetView(p: FormProps) {
  const { t } = p;
  return (
    <Card title={t("auth.resetTitle")} lead={t("auth.resetLead")}>
      <FormError message={p.message} />
      <Form action="/reset" csrfToken={p.csrfToken} label={t("auth.resetForm")}>
        <EmailField t={t} value={p.values.email} error={p.errors.email} />
        <Field
          name="code"
          label={t("auth.code")}
          value={p.values.code}
          error={p.errors.code}
          required
          autocomplete="one-time-code"
          inputmode="numeric"
          maxlength={6}
        />
        <Field
          name="password"
          label={t("auth.newPassword")}
          type="password"
          error={p.errors.password}
          required
          autocomplete="new-password"
          help={t("auth.newPasswordHelp")}
        />
        <button class="btn btn-primary w-100" type="submit">
          {t("auth.setPassword")}
        </button>
      </Form>
    </Card>
  );
}

export function PendingView(p: { t: T; name?: string; email?: string }) {
  const { t } = p;
  return (
    <Card title={t("auth.pendingTitle")}>
      <p>
        {p.name ? t("auth.pendingThanksName", { name: p.name }) : t("auth.pendingThanks")}
        {t("auth.pendingBody")}
      </p>
      <p class="mb-0">{p.email ? t("auth.pendingMail", { email: p.email }) : t("auth.pendingMailNoEmail")}</p>
    </Card>
  );
}
