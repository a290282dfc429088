// Counts what the metrics report at the edge of two ports, so the use cases stay unaware of monitoring: receipts
// stored (with a payment, whichever path recorded it) and reminder messages sent on each channel.
import type { PaymentRepository } from "../../ports/ledger.ts";
import type { Metrics } from "../../ports/metrics.ts";
import type { Notifier } from "../../ports/notifier.ts";

export function countingReceipts(payments: PaymentRepository, metrics: Metrics): PaymentRepository {
  return {
    ...payments,
    async create(payment) {
      await payments.create(payment);
      metrics.receiptsStored(payment.receipts.length);
    },
    async update(payment, added) {
      await payments.update(payment, added);
      metrics.receiptsStored(added.length);
    },
  };
}

export function countingNotifier(notifier: Notifier, metrics: Metrics): Notifier {
  return {
    channel: notifier.channel,
    reaches: (member) => notifier.reaches(member),
    async send(member, message) {
      try {
        await notifier.send(member, message);
        metrics.reminderSent(notifier.channel, false);
      } catch (error) {
        metrics.reminderSent(notifier.channel, true);
        throw error;
      }
    },
  };
}
