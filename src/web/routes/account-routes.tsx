// A member's own settings: profile (name, phone, language, time zone) and password.
import { Hono } from "hono";
import { AppError } from "../../app/errors.ts";
import { updateProfile } from "../../app/update-profile.ts";
import { callAuth } from "../auth-call.ts";
import { authErrorToForm } from "../auth-errors.ts";
import type { WebEnv } from "../env.ts";
import { errorIn } from "../error-words.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { ProfileView } from "../views/account-views.tsx";

export const accountRoutes = new Hono<WebEnv>()
  .use("/settings/*", requireMember)
  .get("/settings/profile", (c) =>
    renderPage(
      c,
      c.get("t")("profile.title"),
      <ProfileView t={c.get("t")} csrfToken={c.get("csrfToken")} member={c.get("member")} />,
      { active: "profile" },
    ),
  )
  .post("/settings/profile", async (c) => {
    const body = await c.req.parseBody();
    const values = Object.fromEntries(
      ["name", "phone", "locale", "timeZone"].map((k) => [k, typeof body[k] === "string" ? (body[k] as string) : ""]),
    );
    try {
      await updateProfile(c.get("services"), c.get("member").id, values);
      return c.redirect("/settings/profile?notice=profile-saved", 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return renderPage(
        c,
        c.get("t")("profile.title"),
        <ProfileView
          t={c.get("t")}
          csrfToken={c.get("csrfToken")}
          member={c.get("member")}
          values={values}
          errors={errorIn(c.get("t"), error).fields}
          message={errorIn(c.get("t"), error).message}
        />,
        {
          status: 400,
          active: "profile",
        },
      );
    }
  })
  .post("/settings/password", async (c) => {
    const body = await c.req.parseBody();
    const reply = await callAuth(c, "/change-password", {
      currentPassword: String(body.currentPassword ?? ""),
      newPassword: String(body.newPassword ?? ""),
      revokeOtherSessions: true,
    });
    if (reply.ok) return c.redirect("/settings/profile?notice=password-changed", 303);
    const { fields, message } = authErrorToForm(reply, c.get("t"));
    if (fields.password) fields.newPassword = fields.password;
    return renderPage(
      c,
      c.get("t")("profile.title"),
      <ProfileView
        t={c.get("t")}
        csrfToken={c.get("csrfToken")}
        member={c.get("member")}
        passwordErrors={fields}
        passwordMessage={message ?? c.get("t")("authErrors.passwordNotChanged")}
      />,
      {
        status: reply.status === 429 ? 429 : 400,
        active: "profile",
      },
    );
  });
