// The member's chits as a list of cards, and the question asked before a chit is deleted.
import type { ChitList } from "../../app/list-chits.ts";
import type { Chit } from "../../ports/ledger.ts";
import { formatDate, formatMoney } from "../format.ts";
import { localeOf, type T, translatorFor } from "../i18n/index.ts";
import { ChitStatusBadges, ConfirmDeleteView, withNodes } from "./ledger-parts.tsx";
import { Pager } from "./pager.tsx";

export function ChitListView(p: { t: T; list: ChitList }) {
  const { t, list } = p;
  return (
    <>
      <div class="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h1 class="h3 mb-0">{t("chits.title")}</h1>
        <a class="btn btn-primary" href="/chits/new">
          {t("chits.addChit")}
        </a>
      </div>
      {list.total === 0 ? (
        <div class="card card-body text-center py-5">
          <h2 class="h5">{t("chits.noChits")}</h2>
          <p class="text-muted">{t("chits.noChitsLead")}</p>
          <div>
            <a class="btn btn-primary" href="/chits/new">
              {t("chits.addFirstChit")}
            </a>
          </div>
        </div>
      ) : (
        <ul class="row row-cols-1 row-cols-md-2 row-cols-xl-3 g-3 list-unstyled" aria-label={t("chits.yourChits")}>
          {list.items.map(({ chit, progress }) => (
            <li class="col">
              <article class="card card-chit h-100" aria-labelledby={`chit-${chit.id}`}>
                <div class="card-body">
                  <div class="d-flex justify-content-between align-items-start gap-2">
                    <h2 class="h6 mb-1" id={`chit-${chit.id}`}>
                      <a href={`/chits/${chit.id}`}>{chit.name}</a>
                    </h2>
                    <ChitStatusBadges chit={chit} t={t} />
                  </div>
                  <div class="small text-muted mb-2">
                    {chit.organizer || t("chits.noForeman")}
                    {chit.ticketNo ? t("chits.ticket", { ticket: chit.ticketNo }) : ""}
                  </div>
                  {progress.problem !== null && <UnschedulableNotice t={t} chitId={chit.id} />}
                  <dl class="row small mb-2">
                    <dt class="col-6 fw-normal text-muted">{t("chits.chitValue")}</dt>
                    <dd class="col-6 mb-0 amount text-end">{formatMoney(chit.terms.chitValue)}</dd>
                    <dt class="col-6 fw-normal text-muted">{t("chits.instalments")}</dt>
                    <dd class="col-6 mb-0 text-end">
                      {t("chits.instalmentsPaid", { paid: progress.paidInstalments, total: progress.instalments })}
                    </dd>
                  </dl>
                  <label class="small d-block" for={`progress-${chit.id}`}>
                    {withNodes(t, "chits.progress", {
                      paid: <span class="amount">{formatMoney(progress.paid)}</span>,
                      payable: <span class="amount">{formatMoney(progress.totalPayable)}</span>,
                    })}
                  </label>
                  <progress
                    class="ledger-progress w-100"
                    id={`progress-${chit.id}`}
                    max={Math.max(1, progress.totalPayable)}
                    value={Math.min(progress.paid, progress.totalPayable)}
                  >
                    {progress.totalPayable ? Math.round((progress.paid / progress.totalPayable) * 100) : 0}%
                  </progress>
                  <div class="small mt-2">
                    {progress.next ? (
                      <>
                        {withNodes(t, "chits.nextDue", {
                          number: String(progress.next.number),
                          amount: <span class="amount">{formatMoney(progress.next.balance)}</span>,
                          date: formatDate(progress.next.dueDate, localeOf(t)),
                        })}
                        {progress.overdue > 0 && (
                          <span class="badge text-bg-danger ms-1">
                            {t("chits.overdueBadge", { amount: formatMoney(progress.overdue) })}
                          </span>
                        )}
                      </>
                    ) : chit.status === "closed" ? (
                      t("chits.closedText")
                    ) : (
                      t("chits.nothingLeft")
                    )}
                  </div>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      <Pager
        t={t}
        page={list.page}
        pages={list.pages}
        href={(page) => `/chits?page=${page}`}
        label={t("chits.pagesLabel")}
      />
    </>
  );
}

export function DeleteChitView(p: { t: T; csrfToken: string; chit: Chit; payments: number; receipts: number }) {
  const { t } = p;
  return (
    <ConfirmDeleteView
      t={t}
      csrfToken={p.csrfToken}
      title={t("chits.deleteTitle", { name: p.chit.name })}
      question={deleteChitQuestion(p.chit, p.payments, p.receipts, t)}
      details={<p>{t("chits.deleteDetails")}</p>}
      action={`/chits/${p.chit.id}/delete`}
      cancelHref={`/chits/${p.chit.id}`}
      button={t("chits.deleteChit")}
    />
  );
}

export function deleteChitQuestion(chit: Chit, payments: number, receipts: number, t: T = translatorFor("en")): string {
  return t("chits.deleteQuestion", {
    name: chit.name,
    payments: t(payments === 1 ? "chits.paymentOne" : "chits.paymentMany", { count: payments }),
    receipts: t(receipts === 1 ? "chits.receiptOne" : "chits.receiptMany", { count: receipts }),
  });
}

/** Shown on the card of a chit whose stored terms cannot give a schedule: what is wrong and where to fix it. */
export function UnschedulableNotice(p: { t: T; chitId: string }) {
  return (
    <div class="alert alert-warning small py-2 mb-2" role="alert">
      {p.t("chits.unschedulable")}{" "}
      <a href={`/chits/${p.chitId}/edit`} class="alert-link">
        {p.t("chits.editToFix")}
      </a>
    </div>
  );
}
