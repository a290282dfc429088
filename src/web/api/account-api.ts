// /api/v1/account: the member's account activity, and all their data as one portable archive (the API twins of Settings
// > Account activity and Settings > Your data). Deleting the account is better-auth's POST /api/auth/delete-user.
import { Hono } from "hono";
import { z } from "zod";
import { ACTIVITY_KINDS } from "../../ports/account-activity.ts";
import type { WebEnv } from "../env.ts";
import { ACTIVITY_PER_PAGE, downloadMemberArchive } from "../routes/account-data-routes.tsx";
import { fileAnswer } from "./exports-api.ts";
import { count, instant } from "./json/common.ts";
import { describeRoute, guarded, responseSchema } from "./openapi/describe-route.ts";

const tags = ["account"];

const activitySchema = responseSchema(
  "AccountActivity",
  z.object({
    events: z.array(
      z.object({
        kind: z.enum(ACTIVITY_KINDS),
        at: instant(),
        address: z
          .string()
          .nullable()
          .meta({ description: "The client's address, when the event came with a request." }),
        device: z.string().nullable().meta({ description: "The client's User-Agent, shortened." }),
        detail: z.string().nullable().meta({ description: "A short fact, e.g. a token's name; never a secret." }),
      }),
    ),
    total: count(),
    page: count(),
    pages: count(),
  }),
);

const pageQuery = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(1)
    .meta({ description: "Page of 50 events, newest first." }),
});

export const accountApi = new Hono<WebEnv>()
  .get(
    "/account/activity",
    describeRoute({
      operationId: "accountActivity",
      summary:
        "What happened to the member's account: sign-ins, wrong passwords, password and " +
        "two-factor changes, sessions ended, API tokens, data exports.",
      tags,
      query: pageQuery,
      responses: {
        200: { description: "One page of events, newest first.", json: activitySchema },
        400: "BadInput",
        ...guarded,
      },
    }),
    async (c) => {
      const parsed = pageQuery.safeParse(c.req.query());
      const page = parsed.success ? parsed.data.page : 1;
      const { events, total } = await c
        .get("services")
        .activity.list(c.get("member").id, { limit: ACTIVITY_PER_PAGE, offset: (page - 1) * ACTIVITY_PER_PAGE });
      return c.json({
        events: events.map((e) => ({
          kind: e.kind,
          at: e.at.toISOString(),
          address: e.address,
          device: e.device,
          detail: e.detail,
        })),
        total,
        page,
        pages: Math.max(1, Math.ceil(total / ACTIVITY_PER_PAGE)),
      } satisfies z.infer<typeof activitySchema>);
    },
  )
  .get(
    "/account/export",
    describeRoute({
      operationId: "exportAccount",
      summary:
        "Everything of the member's in one portable archive (the format `chitfunds export` " +
        "writes): profile, chits, payments with their receipt files, notifications, API " +
        "tokens (hashes only) and account activity. India's DPDP Act 2023 right to one's data.",
      tags,
      responses: {
        200: fileAnswer(
          "application/gzip",
          "The archive: gzip-compressed JSON lines, a header first and a checksummed end line last.",
        ),
        ...guarded,
      },
    }),
    (c) => downloadMemberArchive(c),
  );
