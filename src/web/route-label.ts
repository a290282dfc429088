// The route pattern that answered a request (/chits/:id, not /chits/abc123): one metrics series per route, not per id.
import type { Context } from "hono";
import { matchedRoutes } from "hono/route";

/** Middleware (method ALL) is skipped; a request no route matched gets "(unmatched)". */
export function routeLabel(c: Context): string {
  const routes = matchedRoutes(c);
  const answered = routes[c.req.routeIndex];
  if (answered && answered.method !== "ALL") return answered.path;
  for (let i = routes.length - 1; i >= 0; i--) if (routes[i]!.method !== "ALL") return routes[i]!.path;
  return "(unmatched)";
}
