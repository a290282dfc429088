// One way to ask for a page of a list (page, perPage) and to say where it sits in the whole (total, pages), shared by
// every paged page and API answer.
import { z } from "zod";

/** page and perPage query fields: perPage defaults to `perPage` and may be at most `max`. */
export function pageFields(perPage: number, max: number) {
  return {
    page: z.coerce.number().int().min(1).max(100_000).default(1).meta({ description: "Which page, from 1." }),
    perPage: z.coerce
      .number()
      .int()
      .min(1)
      .max(max)
      .default(perPage)
      .meta({ description: `Items a page, 1 to ${max} (default ${perPage}).` }),
  };
}

export type Paging = { page: number; perPage: number };
export type PageOf<T> = { items: T[]; total: number; page: number; perPage: number; pages: number };

/** Where a page starts in the whole list: the store's offset and limit. */
export const offsetOf = (p: Paging) => ({ offset: (p.page - 1) * p.perPage, limit: p.perPage });

/** The page's items with the whole list's size: `pages` is at least 1, so an empty list has one (empty) page. */
export function pageOf<T>(items: T[], total: number, p: Paging): PageOf<T> {
  return { items, total, page: p.page, perPage: p.perPage, pages: Math.max(1, Math.ceil(total / p.perPage)) };
}
