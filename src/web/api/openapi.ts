// The OpenAPI 3.1 document of the JSON API, hand-written as a typed object and served publicly at /api/openapi.json.
import { Hono } from "hono";
import type { WebEnv } from "../env.ts";
import { ioPaths, ioSchemas, ioTags } from "./openapi-io-paths.ts";
import { paths } from "./openapi-paths.ts";
import { reminderPaths, reminderTags } from "./openapi-reminder-paths.ts";
import { schemas } from "./openapi-schemas.ts";
import { json, type Method, type Operation, ref, type Schema } from "./openapi-types.ts";

/** better-auth answers /api/auth/* itself; the few endpoints an API client needs, for orientation. */
const authOperation = (operationId: string, summary: string, body?: Schema): Operation => ({
  operationId,
  summary,
  description: "Served by better-auth (https://www.better-auth.com/docs); its own request and response shapes and error format apply.",
  tags: ["auth (better-auth)"],
  security: [],
  ...(body ? { requestBody: { required: true, content: json(body) } } : {}),
  responses: { "200": { description: "See better-auth's documentation." } },
});
const credentials: Schema = {
  type: "object",
  properties: { email: { type: "string", format: "email" }, password: { type: "string" } },
  required: ["email", "password"],
};

const authPaths: Record<string, Partial<Record<Method, Operation>>> = {
  "/api/auth/sign-up/email": {
    post: authOperation("signUp", "Register; a 6-digit code is emailed.", {
      ...credentials,
      properties: { ...credentials.properties, name: { type: "string" } },
      required: ["name", "email", "password"],
    }),
  },
  "/api/auth/email-otp/verify-email": {
    post: authOperation("verifyEmail", "Confirm the emailed code.", {
      type: "object",
      properties: { email: { type: "string" }, otp: { type: "string" } },
      required: ["email", "otp"],
    }),
  },
  "/api/auth/sign-in/email": { post: authOperation("signIn", "Sign in; sets the session cookie.", credentials) },
  "/api/auth/sign-out": { post: authOperation("signOut", "Sign out.") },
  "/api/auth/get-session": { get: authOperation("getSession", "The current session and member.") },
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "ChitFunds Ledger API",
    version: "1.0.0",
    description: [
      "A member's chits, instalments, payments with receipts, and the real rate of each chit.",
      'Money is in rupees: JSON numbers with at most 2 decimals (inputs may also be text such as "1,00,000"). Dates are YYYY-MM-DD.',
      "Every /api/v1 route needs an approved member, by the session cookie (sign in through /api/auth, which is better-auth's) or `Authorization: Bearer <token>`.",
      'Another member\'s chit, payment or receipt id answers 404. Errors share one envelope: {"error": {"code", "message", "fields"}}.',
    ].join("\n\n"),
  },
  tags: [
    { name: "chits" },
    { name: "payments" },
    { name: "receipts" },
    { name: "summary" },
    { name: "notifications" },
    ...ioTags,
    ...reminderTags,
    { name: "auth (better-auth)", description: "Accounts are better-auth's own endpoints under /api/auth/*; only a few are listed here." },
  ],
  security: [{ cookieAuth: [] }, { bearerAuth: [] }],
  paths: { ...paths, ...ioPaths, ...reminderPaths, ...authPaths },
  components: {
    securitySchemes: {
      cookieAuth: { type: "apiKey", in: "cookie", name: "chitfunds.session_token", description: "The session cookie set by /api/auth/sign-in/email." },
      bearerAuth: {
        type: "http",
        scheme: "bearer",
        description: "A personal API token, created in Settings > API tokens (or POST /api/v1/tokens with a session).",
      },
    },
    schemas: { ...schemas, ...ioSchemas },
    responses: {
      BadInput: errorResponse("Bad input; error.fields names each bad field (code invalid-input, unreadable-file...)."),
      Unauthenticated: errorResponse("Not signed in (code unauthenticated)."),
      Forbidden: errorResponse("Signed in but not allowed yet: account-pending, account-rejected or account-banned."),
      NotFound: errorResponse("No such item among the member's own (another member's id answers this too)."),
      TooLarge: errorResponse("A receipt is larger than RECEIPT_MAX_MB (the message states the limit); nothing is stored."),
      UnsupportedFile: errorResponse("A file that is not JPEG, PNG, WebP, HEIC or PDF by its bytes, whatever its name; nothing is stored."),
      UnsupportedImage: errorResponse("Not an image (JPEG, PNG, WebP or HEIC by its bytes; a PDF is not read) or not a multipart upload."),
      RateLimited: errorResponse("Too many requests; Retry-After says when to try again (code rate-limited)."),
      Unavailable: errorResponse("Cannot answer now: code reader-busy, reader-timeout or reader-unavailable."),
    },
  },
} as const;

/** Public: mount at "/" so the document is served at /api/openapi.json without a session. */
export const openApiRoutes = new Hono<WebEnv>().get("/api/openapi.json", (c) => c.json(openApiDocument, 200, { "cache-control": "public, max-age=300" }));
