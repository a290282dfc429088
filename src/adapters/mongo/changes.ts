// The update that turns a stored document into its new version: $set for the fields that changed, $unset for those
// that are gone, nothing for the rest (two writers changing different fields do not overwrite each other's).
import { isDeepStrictEqual } from "node:util";

export function changesBetween<D extends { _id: unknown }>(
  before: D,
  after: D,
): { $set?: Record<string, unknown>; $unset?: Record<string, ""> } | null {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, ""> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === "_id" || value === undefined) continue;
    if (!isDeepStrictEqual((before as Record<string, unknown>)[key], value)) $set[key] = value;
  }
  for (const key of Object.keys(before))
    if (key !== "_id" && (after as Record<string, unknown>)[key] === undefined) $unset[key] = "";
  if (!Object.keys($set).length && !Object.keys($unset).length) return null;
  return { ...(Object.keys($set).length ? { $set } : {}), ...(Object.keys($unset).length ? { $unset } : {}) };
}
