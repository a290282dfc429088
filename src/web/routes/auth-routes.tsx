// The way in: register, confirm the emailed code, log in and out, forgotten password, and the waiting page.
import { type Context, Hono } from "hono";
import { CODE_RESEND_COOLDOWN_SECONDS } from "../../ports/accounts.ts";
import { callAuth } from "../auth-call.ts";
import { authErrorToForm } from "../auth-errors.ts";
import type { WebEnv } from "../env.ts";
import { loadViewer } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { sameSitePath } from "../same-site-path.ts";
import {
  ForgotView,
  LoginView,
  PendingView,
  RegisterView,
  ResetView,
  SignInCodeView,
  type Values,
  VerifyView,
} from "../views/auth-views.tsx";

async function formValues(c: Context<WebEnv>, names: string[]): Promise<Values> {
  const body = await c.req.parseBody();
  return Object.fromEntries(names.map((n) => [n, typeof body[n] === "string" ? (body[n] as string).trim() : ""]));
}

/** Only same-site paths may follow a login, so `next` cannot send anyone elsewhere. */
const safeNext = (next: string | undefined) => sameSitePath(next, "/dashboard");

const status = (n: number) => (n === 429 ? 429 : n >= 500 ? 503 : 400) as 400 | 429 | 503;

export const authRoutes = new Hono<WebEnv>()
  .get("/", async (c) => {
    const viewer = await loadViewer(c);
    return c.redirect(viewer ? "/dashboard" : "/login", 303);
  })
  .get("/register", (c) =>
    renderPage(
      c,
      c.get("t")("auth.registerPage"),
      <RegisterView t={c.get("t")} csrfToken={c.get("csrfToken")} values={{}} errors={{}} />,
    ),
  )
  .post("/register", async (c) => {
    const values = await formValues(c, ["name", "email", "phone", "password"]);
    const { password, ...kept } = values;
    // The page's language (from the browser) becomes the member's first choice; they can change it on their profile.
    const reply = await callAuth(c, "/sign-up/email", {
      name: values.name,
      email: values.email,
      password,
      locale: c.get("locale"),
      ...(values.phone ? { phone: values.phone } : {}),
    });
    if (reply.ok) return c.redirect(`/verify?email=${encodeURIComponent(values.email ?? "")}&notice=code-sent`, 303);
    const { fields, message } = authErrorToForm(reply, c.get("t"));
    return renderPage(
      c,
      c.get("t")("auth.registerPage"),
      <RegisterView t={c.get("t")} csrfToken={c.get("csrfToken")} values={kept} errors={fields} message={message} />,
      {
        status: status(reply.status),
      },
    );
  })
  .get("/verify", (c) =>
    renderPage(
      c,
      c.get("t")("auth.verifyTitle"),
      <VerifyView
        t={c.get("t")}
        csrfToken={c.get("csrfToken")}
        values={{ email: c.req.query("email") ?? "" }}
        errors={{}}
        cooldownSeconds={CODE_RESEND_COOLDOWN_SECONDS}
      />,
    ),
  )
  .post("/verify", async (c) => {
    const values = await formValues(c, ["email", "code"]);
    const errors: Record<string, string> = {};
    if (!/^\d{6}$/.test(values.code ?? "")) errors.code = c.get("t")("authErrors.codeDigits");
    if (!values.email) errors.email = c.get("t")("authErrors.registeredEmail");
    let message: string | null = null;
    let httpStatus: 400 | 429 | 503 = 400;
    if (Object.keys(errors).length === 0) {
      const reply = await callAuth(c, "/email-otp/verify-email", { email: values.email, otp: values.code });
      if (reply.ok) {
        const user = reply.data?.user as { status?: string } | undefined;
        return c.redirect(user?.status === "approved" ? "/dashboard?notice=verified" : "/pending", 303);
      }
      const mapped = authErrorToForm(reply, c.get("t"));
      Object.assign(errors, mapped.fields);
      message = mapped.message;
      httpStatus = status(reply.status);
    }
    return renderPage(
      c,
      c.get("t")("auth.verifyTitle"),
      <VerifyView
        t={c.get("t")}
        csrfToken={c.get("csrfToken")}
        values={{ email: values.email }}
        errors={errors}
        message={message}
        cooldownSeconds={CODE_RESEND_COOLDOWN_SECONDS}
      />,
      { status: httpStatus },
    );
  })
  .post("/verify/resend", async (c) => {
    const values = await formValues(c, ["email"]);
    const reply = await callAuth(c, "/email-otp/send-verification-otp", {
      email: values.email,
      type: "email-verification",
    });
    if (reply.ok) return c.redirect(`/verify?email=${encodeURIComponent(values.email ?? "")}&notice=code-sent`, 303);
    const { fields, message } = authErrorToForm(reply, c.get("t"));
    return renderPage(
      c,
      c.get("t")("auth.verifyTitle"),
      <VerifyView
        t={c.get("t")}
        csrfToken={c.get("csrfToken")}
        values={values}
        errors={fields}
        message={message}
        cooldownSeconds={CODE_RESEND_COOLDOWN_SECONDS}
      />,
      { status: status(reply.status) },
    );
  })
  .get("/login", (c) =>
    renderPage(
      c,
      c.get("t")("layout.logIn"),
      <LoginView
        t={c.get("t")}
        csrfToken={c.get("csrfToken")}
        values={{}}
        errors={{}}
        next={safeNext(c.req.query("next"))}
      />,
    ),
  )
  .post("/login", async (c) => {
    const values = await formValues(c, ["email", "password", "next"]);
    const reply = await callAuth(c, "/sign-in/email", { email: values.email, password: values.password });
    // With two-factor on, the password opens only the code step (better-auth's two_factor cookie came back with it).
    if (reply.ok && reply.data?.twoFactorRedirect)
      return c.redirect(`/login/code?next=${encodeURIComponent(safeNext(values.next))}`, 303);
    if (reply.ok) return c.redirect(safeNext(values.next), 303);
    if (reply.code === "EMAIL_NOT_VERIFIED") {
      return c.redirect(`/verify?email=${encodeURIComponent(values.email ?? "")}&notice=code-sent`, 303);
    }
    const { fields, message } = authErrorToForm(reply, c.get("t"));
    return renderPage(
      c,
      c.get("t")("layout.logIn"),
      <LoginView
        t={c.get("t")}
        csrfToken={c.get("csrfToken")}
        values={{ email: values.email }}
        errors={fields}
        message={message}
        next={safeNext(values.next)}
      />,
      { status: reply.status === 403 ? 403 : status(reply.status) },
    );
  })
  .get("/login/code", (c) =>
    renderPage(
      c,
      c.get("t")("security.codeTitle"),
      <SignInCodeView
        t={c.get("t")}
        csrfToken={c.get("csrfToken")}
        values={{}}
        errors={{}}
        next={safeNext(c.req.query("next"))}
      />,
    ),
  )
  .post("/login/code", async (c) => {
    const values = await formValues(c, ["code", "next"]);
    const code = (values.code ?? "").replace(/\s/g, "");
    // Six digits come from the app; anything else is tried as a recovery code (each works once).
    const reply = /^\d{6}$/.test(code)
      ? await callAuth(c, "/two-factor/verify-totp", { code })
      : await callAuth(c, "/two-factor/verify-backup-code", { code });
    if (reply.ok) return c.redirect(safeNext(values.next), 303);
    const t = c.get("t");
    const problem: Record<string, string> = {
      INVALID_TWO_FACTOR_COOKIE: t("security.codeExpired"),
      TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: t("security.tooManyCodes"),
      ACCOUNT_TEMPORARILY_LOCKED: t("security.lockedCodes"),
    };
    const message = problem[reply.code ?? ""] ?? (reply.status === 429 ? t("authErrors.tooManyRequests") : null);
    return renderPage(
      c,
      t("security.codeTitle"),
      <SignInCodeView
        t={t}
        csrfToken={c.get("csrfToken")}
        values={{}}
        errors={message ? {} : { code: t("security.wrongCode") }}
        message={message}
        next={safeNext(values.next)}
      />,
      { status: reply.status === 429 ? 429 : reply.code === "INVALID_TWO_FACTOR_COOKIE" ? 401 : 400 },
    );
  })
  .post("/logout", async (c) => {
    await callAuth(c, "/sign-out", {});
    return c.redirect("/login?notice=logged-out", 303);
  })
  .get("/forgot", (c) =>
    renderPage(
      c,
      c.get("t")("auth.forgotPage"),
      <ForgotView t={c.get("t")} csrfToken={c.get("csrfToken")} values={{}} errors={{}} />,
    ),
  )
  .post("/forgot", async (c) => {
    const values = await formValues(c, ["email"]);
    if (!/^\S+@\S+\.\S+$/.test(values.email ?? "")) {
      return renderPage(
        c,
        c.get("t")("auth.forgotPage"),
        <ForgotView
          t={c.get("t")}
          csrfToken={c.get("csrfToken")}
          values={values}
          errors={{ email: c.get("t")("authErrors.validEmail") }}
        />,
        { status: 400 },
      );
    }
    const reply = await callAuth(c, "/email-otp/request-password-reset", { email: values.email });
    if (!reply.ok && reply.status === 429) {
      const { message } = authErrorToForm(reply, c.get("t"));
      return renderPage(
        c,
        c.get("t")("auth.forgotPage"),
        <ForgotView t={c.get("t")} csrfToken={c.get("csrfToken")} values={values} errors={{}} message={message} />,
        { status: 429 },
      );
    }
    // Same answer whether or not the address has an account, so the form does not reveal who is registered.
    return c.redirect(`/reset?email=${encodeURIComponent(values.email ?? "")}&notice=reset-sent`, 303);
  })
  .get("/reset", (c) =>
    renderPage(
      c,
      c.get("t")("auth.resetTitle"),
      <ResetView
        t={c.get("t")}
        csrfToken={c.get("csrfToken")}
        values={{ email: c.req.query("email") ?? "" }}
        errors={{}}
      />,
    ),
  )
  .post("/reset", async (c) => {
    const values = await formValues(c, ["email", "code", "password"]);
    const reply = await callAuth(c, "/email-otp/reset-password", {
      email: values.email,
      otp: values.code,
      password: values.password,
    });
    if (reply.ok) return c.redirect("/login?notice=password-reset", 303);
    const { fields, message } = authErrorToForm(reply, c.get("t"));
    return renderPage(
      c,
      c.get("t")("auth.resetTitle"),
      <ResetView
        t={c.get("t")}
        csrfToken={c.get("csrfToken")}
        values={{ email: values.email, code: values.code }}
        errors={fields}
        message={message}
      />,
      { status: status(reply.status) },
    );
  })
  .get("/pending", async (c) => {
    const viewer = await loadViewer(c);
    if (viewer && viewer.status === "approved" && !viewer.banned) return c.redirect("/dashboard", 303);
    return renderPage(
      c,
      c.get("t")("auth.pendingTitle"),
      <PendingView t={c.get("t")} name={viewer?.name} email={viewer?.email} />,
    );
  });
