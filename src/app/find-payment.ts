// Loads one of the member's payments; another member's id is not found (404).
import type { Payment, PaymentRepository } from "../ports/ledger.ts";
import { notFound } from "./errors.ts";

export async function findPayment(payments: PaymentRepository, ownerId: string, id: string): Promise<Payment> {
  const payment = await payments.get(ownerId, id);
  if (!payment) throw notFound("payment");
  return payment;
}
