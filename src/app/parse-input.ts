// Turns untrusted input into typed values with a zod schema, or a 400 AppError naming each bad field.
import type { z } from "zod";
import { badInput } from "./errors.ts";

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  throw badInput(fields);
}

/** Blank fields mean "not given" (an empty form input, `?from=` in a query), so the schema's defaults apply. */
export function withoutBlanks(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(raw).filter(([, v]) => v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")),
  );
}
