// The small shapes every API answer uses: rupees, calendar days, instants, ids and the one error envelope.
import { z } from "zod";
import { type Paise, paiseToRupees } from "../../../domain/money.ts";
import { translatorFor } from "../../../i18n/index.ts";
import { responseSchema } from "../openapi/describe-route.ts";

/** The API speaks English (reasons, notes); its codes stay stable for clients that translate. */
export const english = translatorFor("en");

/** Money leaves the API in rupees: a JSON number with at most 2 decimals. */
export const rupeesOut = (description = "Rupees, at most 2 decimals.") => z.number().meta({ description });
export const rupees = paiseToRupees;
export const maybeRupees = (paise: Paise | null | undefined) => (paise == null ? null : rupees(paise));

export const day = (description = "A calendar date, YYYY-MM-DD.") => z.string().meta({ format: "date", description });
export const instant = (description?: string) =>
  z.string().meta({ format: "date-time", ...(description ? { description } : {}) });
export const count = (description?: string) =>
  z
    .number()
    .int()
    .min(0)
    .meta(description ? { description } : {});

/** A path's {id}: another member's id answers 404 like a missing one. */
export const idParam = (what: string) =>
  z.object({ id: z.string().meta({ description: `The ${what}'s id; another member's id answers 404.` }) });

export const errorSchema = responseSchema(
  "Error",
  z.object({
    error: z.object({
      code: z.string().meta({
        description: "Stable kebab-case reason, e.g. invalid-input, not-found, file-too-large, unsupported-file-type.",
      }),
      message: z.string().meta({ description: "For people." }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "Per-field messages, keyed by the field's name." }),
    }),
  }),
);
