// The admin's pages: members waiting for approval, all members (search, status, ban), and the mail outbox.
import type { Member } from "../../ports/member-repository.ts";
import type { OutboxEntry } from "../../ports/outbox-repository.ts";
import { formatInstant } from "../format.ts";
import { localeOf, type T } from "../i18n/index.ts";
import { Form } from "./form.tsx";

const dateTime = (t: T, at: Date, timeZone: string) => formatInstant(at, timeZone, localeOf(t));

function AdminTabs(p: { t: T; active: "pending" | "members" | "outbox"; pendingCount?: number }) {
  const { t } = p;
  const tab = (key: typeof p.active, href: string, label: string) => (
    <li class="nav-item">
      <a
        class={`nav-link${p.active === key ? " active" : ""}`}
        href={href}
        aria-current={p.active === key ? "page" : undefined}
      >
        {label}
      </a>
    </li>
  );
  return (
    <ul class="nav nav-tabs mb-3">
      {tab(
        "pending",
        "/admin",
        p.pendingCount ? t("admin.tabPendingCount", { count: p.pendingCount }) : t("admin.tabPending"),
      )}
      {tab("members", "/admin/members", t("admin.tabMembers"))}
      {tab("outbox", "/admin/outbox", t("admin.tabOutbox"))}
    </ul>
  );
}

function StatusBadge({ m, t }: { m: Member; t: T }) {
  if (m.banned) return <span class="badge text-bg-dark">{t("admin.banned")}</span>;
  const cls = { pending: "text-bg-warning", approved: "text-bg-success", rejected: "text-bg-secondary" }[m.status];
  return <span class={`badge ${cls}`}>{t(`admin.memberStatus.${m.status}`)}</span>;
}

export function PendingMembersView(p: { t: T; csrfToken: string; members: Member[]; timeZone: string }) {
  const { t } = p;
  return (
    <>
      <h1 class="h3">{t("admin.admin")}</h1>
      <AdminTabs t={t} active="pending" pendingCount={p.members.length} />
      {p.members.length === 0 ? (
        <p class="text-muted">{t("admin.nobodyWaitingApproval")}</p>
      ) : (
        <div class="list-group">
          {p.members.map((m) => (
            <div class="list-group-item">
              <div class="d-flex flex-wrap justify-content-between gap-2">
                <div>
                  <div class="fw-semibold">{m.name}</div>
                  <div class="small text-muted">
                    {m.email}
                    {m.phone ? ` · ${m.phone}` : ""} ·{" "}
                    {t("admin.registeredOn", { when: dateTime(t, m.createdAt, p.timeZone) })} ·{" "}
                    {m.emailVerified ? t("admin.emailConfirmed") : t("admin.emailNotConfirmed")}
                  </div>
                </div>
                <div class="d-flex flex-wrap gap-2 align-items-start">
                  <Form
                    action={`/admin/members/${m.id}/approve`}
                    csrfToken={p.csrfToken}
                    label={t("admin.approveEmail", { email: m.email })}
                  >
                    <button
                      class="btn btn-success btn-sm"
                      type="submit"
                      disabled={!m.emailVerified}
                      aria-label={t("admin.approveEmail", { email: m.email })}
                    >
                      {t("admin.approve")}
                    </button>
                  </Form>
                  <Form
                    action={`/admin/members/${m.id}/reject`}
                    csrfToken={p.csrfToken}
                    class="d-flex gap-2"
                    label={t("admin.rejectEmail", { email: m.email })}
                  >
                    <label class="visually-hidden" for={`reason-${m.id}`}>
                      {t("admin.reasonFor", { email: m.email })}
                    </label>
                    <input
                      class="form-control form-control-sm"
                      id={`reason-${m.id}`}
                      name="reason"
                      placeholder={t("admin.reasonOptional")}
                      maxlength={500}
                    />
                    <button
                      class="btn btn-outline-danger btn-sm"
                      type="submit"
                      aria-label={t("admin.rejectEmail", { email: m.email })}
                    >
                      {t("admin.reject")}
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
  const { t } = p;
  const link = (page: number) =>
    `/admin/members?${new URLSearchParams({
      ...(p.q ? { q: p.q } : {}),
      ...(p.status ? { status: p.status } : {}),
      page: String(page),
    })}`;
  return (
    <>
      <h1 class="h3">{t("admin.admin")}</h1>
      <AdminTabs t={t} active="members" />
      <search>
        <form method="get" action="/admin/members" class="row g-2 mb-3" aria-label={t("admin.searchMembers")}>
          <div class="col-12 col-sm-6">
            <label class="visually-hidden" for="q">
              {t("admin.searchEmail")}
            </label>
            <input
              class="form-control"
              type="search"
              id="q"
              name="q"
              value={p.q ?? ""}
              placeholder={t("admin.searchEmail")}
            />
          </div>
          <div class="col-8 col-sm-4">
            <label class="visually-hidden" for="status">
              {t("admin.status")}
            </label>
            <select class="form-select" id="status" name="status">
              <option value="">{t("admin.anyStatus")}</option>
              {["pending", "approved", "rejected"].map((s) => (
                <option value={s} selected={p.status === s}>
                  {t(`admin.memberStatus.${s as "pending" | "approved" | "rejected"}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="col-4 col-sm-2 d-grid">
            <button class="btn btn-outline-primary" type="submit">
              {t("admin.search")}
            </button>
          </div>
        </form>
      </search>
      <p class="small text-muted">{t("admin.memberCount", { count: p.total })}</p>
      <p class="small text-muted" id="session-cache-note">
        {p.sessionCacheSeconds > 0
          ? t("admin.sessionCache", { seconds: p.sessionCacheSeconds })
          : t("admin.sessionCacheOff")}
      </p>
      <div class="table-responsive">
        <table class="table align-middle">
          <thead>
            <tr>
              <th scope="col">{t("admin.member")}</th>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col">{t("admin.role")}</th>
              <th scope="col">{t("admin.registered")}</th>
              <th scope="col">
                <span class="visually-hidden">{t("admin.actions")}</span>
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
                  <StatusBadge t={t} m={m} />
                </td>
                <td>{t(`admin.roleName.${m.role}`)}</td>
                <td class="small">{dateTime(t, m.createdAt, p.timeZone)}</td>
                <td class="text-end">
                  <div class="d-flex flex-wrap gap-2 justify-content-end">
                    {m.status !== "approved" && m.emailVerified && (
                      <Form
                        action={`/admin/members/${m.id}/approve`}
                        csrfToken={p.csrfToken}
                        label={t("admin.approveEmail", { email: m.email })}
                      >
                        <button
                          class="btn btn-success btn-sm"
                          type="submit"
                          aria-label={t("admin.approveEmail", { email: m.email })}
                        >
                          {t("admin.approve")}
                        </button>
                      </Form>
                    )}
                    {m.id !== p.viewerId && (
                      <Form
                        action={`/admin/members/${m.id}/${m.banned ? "unban" : "ban"}`}
                        csrfToken={p.csrfToken}
                        label={t(m.banned ? "admin.unbanEmail" : "admin.banEmail", { email: m.email })}
                      >
                        <button
                          class={`btn btn-sm ${m.banned ? "btn-outline-secondary" : "btn-outline-danger"}`}
                          type="submit"
                          aria-label={t(m.banned ? "admin.unbanEmail" : "admin.banEmail", { email: m.email })}
                        >
                          {t(m.banned ? "admin.unban" : "admin.ban")}
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
        <nav aria-label={t("admin.memberPages")}>
          <ul class="pagination">
            {p.page > 1 && (
              <li class="page-item">
                <a class="page-link" href={link(p.page - 1)}>
                  {t("admin.previous")}
                </a>
              </li>
            )}
            <li class="page-item disabled">
              <span class="page-link">{t("admin.pageOf", { page: p.page, pages: p.pages })}</span>
            </li>
            {p.page < p.pages && (
              <li class="page-item">
                <a class="page-link" href={link(p.page + 1)}>
                  {t("admin.next")}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}

export function OutboxView(p: {
  t: T;
  entries: OutboxEntry[];
  total: number;
  smtpConfigured: boolean;
  timeZone: string;
}) {
  const { t } = p;
  return (
    <>
      <h1 class="h3">{t("admin.admin")}</h1>
      <AdminTabs t={t} active="outbox" />
      <p class="text-muted">{p.smtpConfigured ? t("admin.smtpOn") : t("admin.smtpOff")}</p>
      {p.entries.length === 0 ? (
        <p class="text-muted">{t("admin.outboxEmpty")}</p>
      ) : (
        <div class="list-group">
          {p.entries.map((e) => (
            <details class="list-group-item">
              <summary>
                <span class="fw-semibold">{e.subject}</span>{" "}
                <span class="small text-muted">
                  {t("admin.mailTo", { to: e.to, when: dateTime(t, e.createdAt, p.timeZone) })}
                </span>
              </summary>
              <pre class="mt-2 mb-0 small text-wrap">{e.text}</pre>
            </details>
          ))}
        </div>
      )}
      {p.total > p.entries.length && (
        <p class="small text-muted mt-2">{t("admin.showingLatest", { count: p.entries.length, total: p.total })}</p>
      )}
    </>
  );
}
