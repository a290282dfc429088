// Reads an API request body: a JSON object, or a multipart/urlencoded form (with receipt files for payments).
import type { Context } from "hono";
import { AppError } from "../../app/errors.ts";
import type { UploadedFile } from "../../app/store-receipts.ts";
import type { WebEnv } from "../env.ts";
import { readForm } from "../uploads.ts";

const isForm = (c: Context<WebEnv>) =>
  /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(c.req.header("content-type") ?? "");

/** A JSON object body; an empty body counts as {} (every field left to its default). */
export async function readJsonObject(c: Context<WebEnv>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(400, "invalid-json", "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError(400, "invalid-body", 'Send the fields as one JSON object, e.g. {"amount": 2500}.');
  }
  return value as Record<string, unknown>;
}

/** JSON (no files) or a form; form files come under `receipts` (also `receipt` or `file`). */
export async function readFieldsAndFiles(
  c: Context<WebEnv>,
): Promise<{ fields: Record<string, unknown>; files: UploadedFile[] }> {
  if (!isForm(c)) return { fields: await readJsonObject(c), files: [] };
  try {
    return await readForm(c);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      400,
      "invalid-form",
      "The form data could not be read. Send it as multipart/form-data with a boundary, or as JSON.",
    );
  }
}

/** Fields only, for routes that take no files. */
export async function readFields(c: Context<WebEnv>): Promise<Record<string, unknown>> {
  const { fields, files } = await readFieldsAndFiles(c);
  if (files.length)
    throw new AppError(400, "unexpected-file", "This request does not take files.", { file: "Remove the file." });
  return fields;
}

/**
 * A multipart/form-data body, whole (files as File); another content type is a 415 that says what to send, a form that
 * cannot be read a 400.
 */
export async function readMultipart(
  c: Context<WebEnv>,
  what: { message: string; file: string },
): Promise<Record<string, string | File>> {
  if (!/^multipart\/form-data/i.test(c.req.header("content-type") ?? "")) {
    throw new AppError(415, "multipart-required", what.message, { file: what.file });
  }
  try {
    return await c.req.parseBody();
  } catch {
    throw new AppError(
      400,
      "invalid-form",
      "The form data could not be read. Send it as multipart/form-data with a boundary.",
    );
  }
}
