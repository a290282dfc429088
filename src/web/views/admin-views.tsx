// The admin's pages: members waiting for approval, all members (search, status, ban), and the mail outbox.
import type { Member } from "../../ports/member-repository.ts";
import type { OutboxEntry } from "../../ports/outbox-repository.ts";
import { formatInstant } from "../format.ts";
import type { T } from "../i18n/index.ts";
import { Form } from "./form.tsx";

const dateTime = formatInstant;

function AdminTabs(p: { active: "pending" | "members" | "outbox"; pendingCount?: number }) {
  const tab = (key: typeof p.active, href: string, label: string) => (
    <li class="nav-item">
      <a class={`nav-link${p.active === key ? " active" : ""}`} href={href} aria-current={p.active === key ? "page" : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <ul class="nav nav-tabs mb-3">
      {tab("pending", "/admin", `Waiting for approval${p.pendingCount ? ` (${p.pendingCount})` : ""}`)}
      {tab("members", "/admin/members", "All members")}
      {tab("outbox", "/admin/outbox", "Outbox")}
    </ul>
  );
}

function StatusBadge({ m }: { m: Member }) {
  if (m.banned) return <span class="badge text-bg-dark">banned</span>;
  const cls = { pending: "text-bg-warning", approved: "text-bg-success", rejected: "text-bg-secondary" }[m.status];
  return <span class={`badge ${cls}`}>{m.status}</span>;
}

export function PendingMembersView(p: { csrfToken: string; members: Member[]; timeZone: string }) {
  return (
    <>
      <h1 class="h3">Admin</h1>
      <AdminTabs active="pending" pendingCount={p.members.length} />
      {p.members.length === 0 ? (
        <p class="text-muted">Nobody is waiting for approval.</p>
      ) : (
        <div class="list-group">
          {p.members.map((m) => (
            <div class="list-group-item">
              <div class="d-flex flex-wrap justify-content-between gap-2">
                <div>
                  <div class="fw-semibold">{m.name}</div>
                  <div class="small text-muted">
                    {m.email}
                    {m.phone ? ` · ${m.phone}` : ""} · registered {dateTime(m.createdAt, p.timeZone)} ·{" "}
                    {m.emailVerified ? "email confirmed" : "email not confirmed yet"}
                  </div>
                </div>
                <div class="d-flex flex-wrap gap-2 align-items-start">
                  <Form action={`/admin/members/${m.id}/approve`} csrfToken={p.csrfToken} label={`Approve ${m.email}`}>
                    <button class="btn btn-success btn-sm" type="submit" disabled={!m.emailVerified} aria-label={`Approve ${m.email}`}>
                      Approve
                    </button>
                  </Form>
                  <Form action={`/admin/members/${m.id}/reject`} csrfToken={p.csrfToken} class="d-flex gap-2" label={`Reject ${m.email}`}>
                    <label class="visually-hidden" for={`reason-${m.id}`}>
                      Reason for rejecting {m.email}
                    </label>
                    <input class="form-control form-control-sm" id={`reason-${m.id}`} name="reason" placeholder="Reason (optional)" maxlength={500} />
                    <button class="btn btn-outline-danger btn-sm" type="submit" aria-label={`Reject ${m.email}`}>
                      Reject
                    </button>
                  </Form>
                </div>
              </div>
            </div>
          ))}
        </div>
      )}
    </>
  );
}

export function MembersView(p: {
  csrfToken: string;
  members: Member[];
  total: number;
  page: number;
  pages: number;
  q?: string;
  status?: string;
  viewerId: string;
  timeZone: string;
  /** How long an open session is trusted from its cookie (SESSION_CACHE_SECONDS): bans reach it within that time. */
  sessionCacheSeconds: number;
  t: T;
}) {
  const link = (page: number) =>
    `/admin/members?${new URLSearchParams({ ...(p.q ? { q: p.q } : {}), ...(p.status ? { status: p.status } : {}), page: String(page) })}`;
  return (
    <>
      <h1 class="h3">Admin</h1>
      <AdminTabs active="members" />
      <search>
        <form method="get" action="/admin/members" class="row g-2 mb-3" aria-label="Search members">
          <div class="col-12 col-sm-6">
            <label class="visually-hidden" for="q">
              Search by email
            </label>
            <input class="form-control" type="search" id="q" name="q" value={p.q ?? ""} placeholder="Search by email" />
          </div>
          <div class="col-8 col-sm-4">
            <label class="visually-hidden" for="status">
              Status
            </label>
            <select class="form-select" id="status" name="status">
              <option value="">Any status</option>
              {["pending", "approved", "rejected"].map((s) => (
                <option value={s} selected={p.status === s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div class="col-4 col-sm-2 d-grid">
            <button class="btn btn-outline-primary" type="submit">
              Search
            </button>
          </div>
        </form>
      </search>
      <p class="small text-muted">
        {p.total} member{p.total === 1 ? "" : "s"}
      </p>
      <p class="small text-muted" id="session-cache-note">
        {p.sessionCacheSeconds > 0 ? p.t("admin.sessionCache", { seconds: p.sessionCacheSeconds }) : p.t("admin.sessionCacheOff")}
      </p>
      <div class="table-responsive">
        <table class="table align-middle">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Status</th>
              <th scope="col">Role</th>
              <th scope="col">Registered</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.members.map((m) => (
              <tr>
                <td>
                  <div class="fw-semibold">{m.name}</div>
                  <div class="small text-muted">{m.email}</div>
                </td>
                <td>
                  <StatusBadge m={m} />
                </td>
                <td>{m.role}</td>
                <td class="small">{dateTime(m.createdAt, p.timeZone)}</td>
                <td class="text-end">
                  <div class="d-flex flex-wrap gap-2 justify-content-end">
                    {m.status !== "approved" && m.emailVerified && (
                      <Form action={`/admin/members/${m.id}/approve`} csrfToken={p.csrfToken} label={`Approve ${m.email}`}>
                        <button class="btn btn-success btn-sm" type="submit" aria-label={`Approve ${m.email}`}>
                          Approve
                        </button>
                      </Form>
                    )}
                    {m.id !== p.viewerId && (
                      <Form
                        action={`/admin/members/${m.id}/${m.banned ? "unban" : "ban"}`}
                        csrfToken={p.csrfToken}
                        label={`${m.banned ? "Unban" : "Ban"} ${m.email}`}
                      >
                        <button
                          class={`btn btn-sm ${m.banned ? "btn-outline-secondary" : "btn-outline-danger"}`}
                          type="submit"
                          aria-label={`${m.banned ? "Unban" : "Ban"} ${m.email}`}
                        >
                          {m.banned ? "Unban" : "Ban"}
                        </button>
                      </Form>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.pages > 1 && (
        <nav aria-label="Member pages">
          <ul class="pagination">
            {p.page > 1 && (
              <li class="page-item">
                <a class="page-link" href={link(p.page - 1)}>
                  Previous
                </a>
              </li>
            )}
            <li class="page-item disabled">
              <span class="page-link">
                Page {p.page} of {p.pages}
              </span>
            </li>
            {p.page < p.pages && (
              <li class="page-item">
                <a class="page-link" href={link(p.page + 1)}>
                  Next
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}

export function OutboxView(p: { entries: OutboxEntry[]; total: number; smtpConfigured: boolean; timeZone: string }) {
  return (
    <>
      <h1 class="h3">Admin</h1>
      <AdminTabs active="outbox" />
      <p class="text-muted">
        {p.smtpConfigured
          ? "SMTP is configured, so mail is sent. Mails kept before SMTP was set up are listed here."
          : "No SMTP server is configured (SMTP_URL), so mail is kept here instead of being sent. Codes are also printed in the server log."}
      </p>
      {p.entries.length === 0 ? (
        <p class="text-muted">The outbox is empty.</p>
      ) : (
        <div class="list-group">
          {p.entries.map((e) => (
            <details class="list-group-item">
              <summary>
                <span class="fw-semibold">{e.subject}</span>{" "}
                <span class="small text-muted">
                  to {e.to} · {dateTime(e.createdAt, p.timeZone)}
                </span>
              </summary>
              <pre class="mt-2 mb-0 small text-wrap">{e.text}</pre>
            </details>
          ))}
        </div>
      )}
      {p.total > p.entries.length && (
        <p class="small text-muted mt-2">
          Showing the latest {p.entries.length} of {p.total}.
        </p>
      )}
    </>
  );
}
