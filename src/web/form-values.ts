// Posted form fields as the strings a person typed, so a form that comes back with errors shows them unchanged.
import type { Context } from "hono";
import type { z } from "zod";
import type { WebEnv } from "./env.ts";

export type FormValues = Record<string, string>;
/** A message for each field that is wrong, by field name. */
export type FormErrors = Record<string, string>;

/** The named fields of a posted form (absent fields are left out, so "not on the form" differs from "empty"). */
export async function formFields(c: Context<WebEnv>, names: readonly string[]): Promise<FormValues> {
  return pickFields((await c.req.parseBody()) as Record<string, unknown>, names);
}

export function pickFields(fields: Record<string, unknown>, names: readonly string[]): FormValues {
  const values: FormValues = {};
  for (const name of names) {
    const value = fields[name];
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

/** The fields a use case's input schema reads: what a page form posts. */
export const fieldsOf = (schema: z.ZodObject) => Object.keys(schema.shape);
