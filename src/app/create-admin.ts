// Makes an administrator with a password (CLI): a new verified account, or an existing one promoted.

import { z } from "zod";
import { passwordProblem, passwordProblemMessage } from "../domain/password-policy.ts";
import type { AuditLog } from "../ports/audit-log.ts";
import type { Clock } from "../ports/clock.ts";
import type { Member, MemberRepository } from "../ports/member-repository.ts";
import { badInput } from "./errors.ts";

const input = z.object({ email: z.email(), password: z.string(), name: z.string().trim().min(1).max(100).optional() });

export async function createAdmin(
  deps: { members: MemberRepository; audit: AuditLog; clock: Clock },
  raw: { email: string; password: string; name?: string },
): Promise<Member> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw badInput({ email: "Enter a valid email address." }, "Enter a valid email address.");
  const { email, password } = parsed.data;
  const problem = passwordProblem(password, email);
  if (problem)
    throw badInput({ password: passwordProblemMessage[problem] }, `Password: ${passwordProblemMessage[problem]}`);
  const member = await deps.members.upsertWithPassword({ email, password, name: parsed.data.name ?? "Administrator" });
  const admin = await deps.members.update(member.id, {
    role: "admin",
    status: "approved",
    statusReason: null,
    banned: false,
    banReason: null,
  });
  await deps.audit.record({
    actorId: null,
    action: "member.made-admin-by-cli",
    targetId: admin.id,
    at: deps.clock.now(),
  });
  return admin;
}
