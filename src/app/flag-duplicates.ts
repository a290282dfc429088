// Finds receipts or references the member already used on another payment, to warn them (never to refuse).

import { randomUUID } from "node:crypto";
import { type Words, words } from "../i18n/words.ts";
import type { Payment, Receipt } from "../ports/ledger.ts";
import type { LedgerDeps } from "./ledger-deps.ts";
import { noticeWords } from "./notice-words.ts";

export type PaymentWarning = {
  code: "duplicate-receipt" | "duplicate-reference";
  message: string;
  words: Words;
  otherPaymentId: string;
};

export async function flagDuplicates(
  deps: Pick<LedgerDeps, "payments" | "notifications" | "clock">,
  payment: Payment,
  newReceipts: Receipt[],
) {
  const list: PaymentWarning[] = [];
  for (const receipt of newReceipts) {
    const same = (await deps.payments.receiptsWithSha(payment.ownerId, receipt.sha256)).find(
      (r) => r.paymentId !== payment.id,
    );
    if (same) {
      list.push({
        code: "duplicate-receipt",
        ...noticeWords(
          receipt.originalName
            ? words("notifications.says.duplicateReceipt", { name: receipt.originalName })
            : words("notifications.says.duplicateReceiptUnnamed"),
        ),
        otherPaymentId: same.paymentId,
      });
    }
  }
  const reference = payment.reference.trim();
  if (reference) {
    const same = (await deps.payments.paymentsWithReference(payment.ownerId, reference)).find(
      (p) => p.id !== payment.id,
    );
    if (same) {
      list.push({
        code: "duplicate-reference",
        ...noticeWords(words("notifications.says.duplicateReference", { reference, day: { day: same.paidOn } })),
        otherPaymentId: same.id,
      });
    }
  }
  return {
    list,
    async notify() {
      const at = deps.clock.now();
      for (const w of list) {
        await deps.notifications.add({
          id: randomUUID(),
          ownerId: payment.ownerId,
          kind: w.code,
          message: w.message,
          words: w.words,
          link: `/payments/${payment.id}`,
          dedupeKey: `${w.code}:${payment.id}:${w.otherPaymentId}`,
          readAt: null,
          createdAt: at,
        });
      }
    },
  };
}
