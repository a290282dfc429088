// Lists members for the admin (filter by status, search by email) and for the CLI.
import { z } from "zod";
import type { MemberRepository } from "../ports/member-repository.ts";

export const memberListQuery = z.object({
  status: z.enum(["pending", "approved", "rejected"]).optional().catch(undefined),
  q: z.string().trim().max(254).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export const MEMBERS_PER_PAGE = 25;

export async function listMembers(deps: { members: MemberRepository }, query: z.infer<typeof memberListQuery>) {
  const page = query.page;
  const result = await deps.members.list({
    status: query.status,
    search: query.q,
    limit: MEMBERS_PER_PAGE,
    offset: (page - 1) * MEMBERS_PER_PAGE,
  });
  return { ...result, page, pages: Math.max(1, Math.ceil(result.total / MEMBERS_PER_PAGE)) };
}
