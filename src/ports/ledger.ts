// The ledger's records as stored (the same document shapes in SQLite and MongoDB) and the repositories that keep them.

import type { ChitTerms, InstalmentRecord } from "../domain/chit.ts";
import type { CalendarDate } from "../domain/dates.ts";
import type { Paise } from "../domain/money.ts";
import type { PaidInMonth } from "../domain/summary.ts";
import type { Words } from "../domain/words.ts";

export type ChitStatus = "active" | "closed";

export type Chit = {
  id: string;
  ownerId: string;
  name: string;
  organizer: string;
  ticketNo: string;
  /** UPI ids (name@bank) the member pays this chit to, lower case; a shared screenshot paid to one names this chit. */
  upiIds: string[];
  terms: ChitTerms;
  status: ChitStatus;
  notes: string;
  instalments: InstalmentRecord[];
  createdAt: Date;
  updatedAt: Date;
};

export type PaymentMethod = "upi" | "cash" | "bank" | "cheque" | "other";
export const PAYMENT_METHODS: readonly PaymentMethod[] = ["upi", "cash", "bank", "cheque", "other"];

export type Receipt = {
  id: string;
  ownerId: string;
  paymentId: string;
  contentType: string;
  size: number;
  sha256: string;
  key: string;
  thumbnailKey: string;
  width: number | null;
  height: number | null;
  originalName: string;
  createdAt: Date;
};

export type Payment = {
  id: string;
  ownerId: string;
  chitId: string;
  instalment: number;
  amount: Paise;
  paidOn: CalendarDate;
  method: PaymentMethod;
  reference: string;
  notes: string;
  createdAt: Date;
  updatedAt: Date;
  receipts: Receipt[];
};

/** An instalment of a chit: what a payment names. */
export type InstalmentKey = { chitId: string; instalment: number };

export type PaymentFilter = {
  chitId?: string;
  from?: CalendarDate;
  to?: CalendarDate;
  method?: PaymentMethod;
  /** Searches reference and notes, case-insensitive. */
  q?: string;
  /** Only payments naming one of these instalments (or, with `exclude`, none of them). */
  instalments?: { keys: readonly InstalmentKey[]; exclude?: boolean };
  /** newest (the default): paid on, then recorded, then id, all descending; oldest: the same ascending. */
  order?: "newest" | "oldest";
  limit: number;
  offset: number;
};

/** What was paid against one instalment of one chit: the sum and number of the payments naming it, and the last day. */
export type InstalmentPaid = InstalmentKey & { amount: Paise; payments: number; lastPaidOn: CalendarDate };
/** What was paid on one day against one instalment: a chit's dated cash flows, however many payments made them. */
export type PaidOnDay = InstalmentKey & { paidOn: CalendarDate; amount: Paise };
export type { PaidInMonth };

export interface ChitRepository {
  /** A number that changes whenever any of the owner's chits, payments or receipts change (for caching summaries). */
  revision(ownerId: string): Promise<number>;
  create(chit: Chit): Promise<void>;
  get(ownerId: string, id: string): Promise<Chit | null>;
  /** Every chit of the owner, oldest first: for sums across all of them (summary, dues), not for listing. */
  list(ownerId: string): Promise<Chit[]>;
  /** One page of the owner's chits, oldest first (created, then id), and how many there are in all. */
  page(ownerId: string, page: { limit: number; offset: number }): Promise<{ chits: Chit[]; total: number }>;
  update(chit: Chit): Promise<void>;
  /** Deletes the chit, its payments and their receipt records; returns the receipts so their files can go too. */
  delete(ownerId: string, id: string): Promise<Receipt[]>;
}

export interface PaymentRepository {
  /** Stores the payment and its receipts together: both or neither. */
  create(payment: Payment): Promise<void>;
  get(ownerId: string, id: string): Promise<Payment | null>;
  /** Replaces the payment's fields and adds new receipts, together. */
  update(payment: Payment, addedReceipts: Receipt[]): Promise<void>;
  delete(ownerId: string, id: string): Promise<Receipt[]>;
  removeReceipt(ownerId: string, receiptId: string): Promise<Receipt | null>;
  /** Every payment: for exports and archives only, never for a page (pages use the sums and pages below). */
  listForOwner(ownerId: string): Promise<Payment[]>;
  listForChit(ownerId: string, chitId: string): Promise<Payment[]>;
  /**
   * One page of payments, newest first (paid on, then recorded, then id) unless asked oldest first, and how many match.
   */
  search(ownerId: string, filter: PaymentFilter): Promise<{ payments: Payment[]; total: number }>;
  /** Sums per chit and instalment, computed in the store (for the named chits, or all the owner's). */
  paidByInstalment(ownerId: string, chitIds?: readonly string[]): Promise<InstalmentPaid[]>;
  /** The chits' payments summed per chit, day and instalment, oldest first: a schedule and a rate need no more. */
  paidByDay(ownerId: string, chitIds: readonly string[]): Promise<PaidOnDay[]>;
  /** Sums per chit and month of the payments made on or after `from`. */
  paidByMonth(ownerId: string, from: CalendarDate): Promise<PaidInMonth[]>;
  /** How many receipts the owner's payments carry (on one chit, when named). */
  receiptCount(ownerId: string, chitId?: string): Promise<number>;
  getReceipt(ownerId: string, receiptId: string): Promise<Receipt | null>;
  receiptsWithSha(ownerId: string, sha256: string): Promise<Receipt[]>;
  paymentsWithReference(ownerId: string, reference: string): Promise<Payment[]>;
  /** Of these stored file keys, the ones some receipt (of any member) names as its file or thumbnail. */
  knownFileKeys(keys: string[]): Promise<Set<string>>;
}

export type Notification = {
  id: string;
  ownerId: string;
  kind: "approval" | "overdue" | "duplicate-receipt" | "duplicate-reference" | "reminder";
  /** The text in English (the API, and notifications stored before they carried words). */
  message: string;
  /** The same as Words, said on the page in the member's language; absent on older notifications. */
  words?: Words | null;
  link: string | null;
  /** Stops the same event being told twice (e.g. overdue:chitId:5). */
  dedupeKey: string | null;
  readAt: Date | null;
  createdAt: Date;
};

export interface NotificationRepository {
  /** Adds it unless one with the same dedupeKey exists for the owner; true when added. */
  add(notification: Notification): Promise<boolean>;
  list(ownerId: string, options: { limit: number; unreadOnly?: boolean }): Promise<Notification[]>;
  unreadCount(ownerId: string): Promise<number>;
  /** Whether the owner has this notification (read or not). */
  exists(ownerId: string, id: string): Promise<boolean>;
  markRead(ownerId: string, id: string, at: Date): Promise<boolean>;
  markAllRead(ownerId: string, at: Date): Promise<number>;
}
