// Pages of the way in: register, confirm the code, log in, forgot and reset password, waiting for approval.
import { Field, Form, FormError } from "./form.tsx";

export type Values = Record<string, string | undefined>;
export type Errors = Record<string, string | undefined>;

type FormProps = { csrfToken: string; values: Values; errors: Errors; message?: string | null };

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
  return (
    <Card title="Create your account" lead="Keep every chit, payment and receipt in one place. We will email you a code to confirm your address.">
      <FormError message={p.message} />
      <Form action="/register" csrfToken={p.csrfToken} label="Register">
        <Field name="name" label="Full name" value={p.values.name} error={p.errors.name} required autocomplete="name" maxlength={100} />
        <Field name="email" label="Email" type="email" value={p.values.email} error={p.errors.email} required autocomplete="email" maxlength={254} />
        <Field
          name="phone"
          label="Phone (optional)"
          type="tel"
          value={p.values.phone}
          error={p.errors.phone}
          autocomplete="tel"
          maxlength={20}
          help="For reminders later; never shown to others."
        />
        <Field
          name="password"
          label="Password"
          type="password"
          error={p.errors.password}
          required
          autocomplete="new-password"
          help="At least 10 characters. A few unrelated words work well."
        />
        <button class="btn btn-primary w-100" type="submit">
          Register
        </button>
      </Form>
      <p class="mt-3 mb-0 small">
        Already registered? <a href="/login">Log in</a>
      </p>
    </Card>
  );
}

export function VerifyView(p: FormProps & { cooldownSeconds: number }) {
  return (
    <Card title="Confirm your email" lead={`Enter the 6-digit code we sent to ${p.values.email || "your email"}. It is valid for 10 minutes.`}>
      <FormError message={p.message} />
      <Form action="/verify" csrfToken={p.csrfToken} label="Confirm email">
        <Field name="email" label="Email" type="email" value={p.values.email} error={p.errors.email} required autocomplete="email" />
        <Field
          name="code"
          label="Code"
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
          Confirm
        </button>
      </Form>
      <Form action="/verify/resend" csrfToken={p.csrfToken} class="mt-3" label="Send a new code">
        <input type="hidden" name="email" value={p.values.email ?? ""} />
        <button class="btn btn-link p-0" type="submit">
          Send me a new code
        </button>
        <span class="small text-muted ms-2">(you can ask once every {p.cooldownSeconds} seconds)</span>
      </Form>
    </Card>
  );
}

export function LoginView(p: FormProps & { next?: string }) {
  return (
    <Card title="Log in">
      <FormError message={p.message} />
      <Form action="/login" csrfToken={p.csrfToken} label="Log in">
        <input type="hidden" name="next" value={p.next ?? ""} />
        <Field name="email" label="Email" type="email" value={p.values.email} error={p.errors.email} required autocomplete="username" />
        <Field name="password" label="Password" type="password" error={p.errors.password} required autocomplete="current-password" />
        <button class="btn btn-primary w-100" type="submit">
          Log in
        </button>
      </Form>
      <div class="d-flex justify-content-between mt-3 small">
        <a href="/forgot">Forgot password?</a>
        <a href="/register">Create an account</a>
      </div>
    </Card>
  );
}

export function ForgotView(p: FormProps) {
  return (
    <Card title="Forgot your password?" lead="Enter your email and we will send you a 6-digit code to set a new password.">
      <FormError message={p.message} />
      <Form action="/forgot" csrfToken={p.csrfToken} label="Forgot password">
        <Field name="email" label="Email" type="email" value={p.values.email} error={p.errors.email} required autocomplete="email" />
        <button class="btn btn-primary w-100" type="submit">
          Send code
        </button>
      </Form>
    </Card>
  );
}

export function ResetView(p: FormProps) {
  return (
    <Card title="Set a new password" lead="Enter the code from the email and choose a new password.">
      <FormError message={p.message} />
      <Form action="/reset" csrfToken={p.csrfToken} label="Reset password">
        <Field name="email" label="Email" type="email" value={p.values.email} error={p.errors.email} required autocomplete="email" />
        <Field name="code" label="Code" value={p.values.code} error={p.errors.code} required autocomplete="one-time-code" inputmode="numeric" maxlength={6} />
        <Field
          name="password"
          label="New password"
          type="password"
          error={p.errors.password}
          required
          autocomplete="new-password"
          help="At least 10 characters."
        />
        <button class="btn btn-primary w-100" type="submit">
          Set password
        </button>
      </Form>
    </Card>
  );
}

export function PendingView(p: { name?: string; email?: string }) {
  return (
    <Card title="Waiting for approval">
      <p>{p.name ? `Thank you, ${p.name}. ` : "Thank you. "}Your email is confirmed and your account is waiting for the administrator's approval.</p>
      <p class="mb-0">We will email {p.email ?? "you"} as soon as it is approved; then you can log in.</p>
    </Card>
  );
}
