// The OpenAPI 3.1 document of the JSON API, served publicly at /api/openapi.json: its paths are the routes the API
// serves, each described where it is registered (describeRoute), with schemas generated from the zod schemas that
// parse the requests and type the presenters of the responses.
import { Hono } from "hono";
import { z } from "zod";
import type { WebEnv } from "../env.ts";
import { calendarApi, calendarFeedApi } from "./calendar-api.ts";
import { cronApi } from "./cron-api.ts";
import { buildPaths, documentedRoutes } from "./openapi/build-document.ts";
import { type OperationDoc, requestSchema } from "./openapi/describe-route.ts";
import { apiV1 } from "./v1.ts";

/** Every app mounted under /api/v1 (app.tsx mounts them in its own order; a test checks none is missed). */
const documentedApi = new Hono()
  .route("/api/v1", cronApi)
  .route("/api/v1", calendarFeedApi)
  .route("/api/v1", calendarApi)
  .route("/api/v1", apiV1);

const email = z.email();
const password = z.string();
/** better-auth answers /api/auth/* itself; the few endpoints an API client needs, for orientation. */
function authOperation(method: "get" | "post", path: string, operationId: string, summary: string, body?: z.ZodObject) {
  const operation: OperationDoc = {
    operationId,
    summary,
    description:
      "Served by better-auth (https://www.better-auth.com/docs); its own request and " +
      "response shapes and error format apply.",
    tags: ["auth (better-auth)"],
    security: [],
    ...(body ? { body: { required: true, content: { "application/json": body } } } : {}),
    responses: { 200: { description: "See better-auth's documentation." } },
  };
  return { method, path, operation };
}
const authOperations = [
  authOperation(
    "post",
    "/api/auth/sign-up/email",
    "signUp",
    "Register; a 6-digit code is emailed.",
    z.object({ name: z.string(), email, password }),
  ),
  authOperation(
    "post",
    "/api/auth/email-otp/verify-email",
    "verifyEmail",
    "Confirm the emailed code.",
    z.object({ email, otp: z.string() }),
  ),
  authOperation(
    "post",
    "/api/auth/sign-in/email",
    "signIn",
    "Sign in; sets the session cookie.",
    requestSchema("Credentials", z.object({ email, password })),
  ),
  authOperation("post", "/api/auth/sign-out", "signOut", "Sign out."),
  authOperation("get", "/api/auth/get-session", "getSession", "The current session and member."),
];

const { paths, schemas } = buildPaths([...documentedRoutes(documentedApi), ...authOperations]);

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "ChitFunds Ledger API",
    version: "1.0.0",
    description: [
      "A member's chits, instalments, payments with receipts, and the real rate of each chit.",
      "Money is in rupees: JSON numbers with at most 2 decimals (inputs may also be text " +
        'such as "1,00,000"). Dates are YYYY-MM-DD.',
      "Every /api/v1 route needs an approved member, by the session cookie (sign in through " +
        "/api/auth, which is better-auth's) or `Authorization: Bearer <token>`.",
      "Another member's chit, payment or receipt id answers 404. Errors share one " +
        'envelope: {"error": {"code", "message", "fields"}}.',
    ].join("\n\n"),
  },
  tags: [
    { name: "chits" },
    { name: "payments" },
    { name: "receipts" },
    { name: "summary" },
    { name: "notifications" },
    { name: "exports", description: "CSV and PDF downloads: payments, schedules, statements, the annual summary." },
    {
      name: "imports",
      description: "Bulk import of payments from a CSV file: preview with errors, then commit all or nothing.",
    },
    { name: "tokens", description: "Personal API tokens for `Authorization: Bearer <token>`." },
    { name: "reminders", description: "The reminder job, for an outside scheduler when the host sleeps." },
    { name: "calendar", description: "A private ICS feed of the member's open instalments." },
    {
      name: "auth (better-auth)",
      description: "Accounts are better-auth's own endpoints under /api/auth/*; only a few are listed here.",
    },
  ],
  security: [{ cookieAuth: [] }, { bearerAuth: [] }],
  paths,
  components: {
    securitySchemes: {
      cookieAuth: {
        type: "apiKey",
        in: "cookie",
        name: "chitfunds.session_token",
        description: "The session cookie set by /api/auth/sign-in/email.",
      },
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description: "A personal API token, created in Settings > API tokens (or POST /api/v1/tokens with a session).",
      },
    },
    schemas,
    responses: {
      BadInput: errorResponse("Bad input; error.fields names each bad field (code invalid-input, unreadable-file...)."),
      Unauthenticated: errorResponse("Not signed in (code unauthenticated)."),
      Forbidden: errorResponse("Signed in but not allowed yet: account-pending, account-rejected or account-banned."),
      NotFound: errorResponse("No such item among the member's own (another member's id answers this too)."),
      TooLarge: errorResponse(
        "A receipt is larger than RECEIPT_MAX_MB (the message states the limit); nothing is stored.",
      ),
      UnsupportedFile: errorResponse(
        "A file that is not JPEG, PNG, WebP, HEIC or PDF by its bytes, whatever its name; nothing is stored.",
      ),
    },
  },
};

/** Public: mount at "/" so the document is served at /api/openapi.json without a session. */
export const openApiRoutes = new Hono<WebEnv>().get("/api/openapi.json", (c) =>
  c.json(openApiDocument, 200, { "cache-control": "public, max-age=300" }),
);
