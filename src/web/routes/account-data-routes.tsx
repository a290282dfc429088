// Settings > Account activity and Settings > Your data: the member's activity page, the download of all their data
// (the portable archive, receipts included), and deleting the account through better-auth's delete-user.
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { Context } from "hono";
import { Hono } from "hono";
import { exportMemberData } from "../../app/export-member-data.ts";
import { callAuth } from "../auth-call.ts";
import { authErrorToForm } from "../auth-errors.ts";
import type { WebEnv } from "../env.ts";
import { formFields } from "../form-values.ts";
import { requestOrigin } from "../middleware/client-address.ts";
import { requireMember } from "../middleware/session.ts";
import { renderPage } from "../render.tsx";
import { AccountActivityView } from "../views/account-activity-views.tsx";
import { MyDataView } from "../views/my-data-views.tsx";

type Ctx = Context<WebEnv>;

export const ACTIVITY_PER_PAGE = 50;

/** The member's archive, written to a temporary file and streamed as a download (nothing of it stays on disk). */
export async function downloadMemberArchive(c: Ctx): Promise<Response> {
  const member = c.get("member");
  const dir = await mkdtemp(join(tmpdir(), "chitfunds-export-"));
  const path = join(dir, "export.chitfunds");
  try {
    await exportMemberData(c.get("services").memberExport, member, path, requestOrigin(c));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const file = createReadStream(path);
  file.on("close", () => void rm(dir, { recursive: true, force: true }));
  const day = c.get("services").clock.now().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(file) as ReadableStream, {
    headers: {
      "content-type": "application/gzip",
      "content-disposition": `attachment; filename="chitfunds-my-data-${day}.chitfunds"`,
      "cache-control": "no-store",
    },
  });
}

function dataPage(
  c: Ctx,
  extra: { errors?: Record<string, string>; message?: string | null; status?: 400 | 429 } = {},
) {
  const t = c.get("t");
  return renderPage(
    c,
    t("security.data.title"),
    <MyDataView t={t} csrfToken={c.get("csrfToken")} member={c.get("member")} {...extra} />,
    {
      active: "data",
      status: extra.status ?? 200,
    },
  );
}

export const accountDataRoutes = new Hono<WebEnv>()
  .use("/settings/activity", requireMember)
  .use("/settings/data", requireMember)
  .use("/settings/data/*", requireMember)
  .get("/settings/activity", async (c) => {
    const member = c.get("member");
    const asked = Number(c.req.query("page") ?? "1");
    const page = Number.isInteger(asked) && asked >= 1 && asked <= 100_000 ? asked : 1;
    const { events, total } = await c
      .get("services")
      .activity.list(member.id, { limit: ACTIVITY_PER_PAGE, offset: (page - 1) * ACTIVITY_PER_PAGE });
    const t = c.get("t");
    return renderPage(
      c,
      t("security.activity.title"),
      <AccountActivityView
        t={t}
        locale={c.get("locale")}
        timeZone={member.timeZone}
        events={events}
        page={page}
        pages={Math.max(1, Math.ceil(total / ACTIVITY_PER_PAGE))}
      />,
      { active: "activity" },
    );
  })
  .get("/settings/data", (c) => dataPage(c))
  .post("/settings/data/export", (c) => downloadMemberArchive(c))
  .post("/settings/data/delete", async (c) => {
    const t = c.get("t");
    const { password = "", code = "", confirm = "" } = await formFields(c, ["password", "code", "confirm"]);
    if (confirm.trim() !== "DELETE")
      return dataPage(c, { errors: { confirm: t("security.data.confirmError") }, status: 400 });
    const reply = await callAuth(c, "/delete-user", {
      password,
      ...(code ? { twoFactorCode: code.replace(/\s/g, "") } : {}),
    });
    if (reply.ok) return c.redirect("/login?notice=account-deleted", 303);
    if (reply.code === "TWO_FACTOR_CODE_REQUIRED" || reply.code === "INVALID_CODE") {
      return dataPage(c, { errors: { code: t("security.wrongCode") }, status: 400 });
    }
    const { fields, message } = authErrorToForm(reply, t);
    const wrongPassword = fields.currentPassword ?? fields.password;
    return dataPage(
      c,
      wrongPassword
        ? { errors: { password: wrongPassword }, status: 400 }
        : { message, status: reply.status === 429 ? 429 : 400 },
    );
  });
