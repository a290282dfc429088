// Small helpers for JSON API tests: typed bodies of the API's own presenters, and a status check that shows the body.
import type { ChitJson, chitProgressJson } from "../../src/web/api/json/chit-json.ts";
import type { NotificationJson } from "../../src/web/api/json/notification-json.ts";
import type { PaymentJson, paymentResultJson } from "../../src/web/api/json/payment-json.ts";
import type { ScheduleRowJson, scheduleJson } from "../../src/web/api/json/schedule-json.ts";
import type { Client } from "./app.ts";

export type ChitBody = ChitJson;
export type ChitListBody = { today: string; chits: (ChitBody & { summary: ReturnType<typeof chitProgressJson> })[] };
export type ScheduleBody = ReturnType<typeof scheduleJson>;
export type RowBody = ScheduleRowJson & { chitId: string };
export type PaymentBody = PaymentJson & { chitName?: string; instalmentStatus?: string };
export type PaymentResultBody = ReturnType<typeof paymentResultJson>;
export type PaymentPageBody = { payments: PaymentBody[]; total: number; page: number; perPage: number; pages: number };
export type NotificationsBody = { notifications: NotificationJson[]; unread: number };
export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

/** The response's JSON when its status is the expected one; otherwise fails showing what came back. */
export async function expectStatus<T>(response: Response | Promise<Response>, status: number): Promise<T> {
  const res = await response;
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** A 400 (or other) error envelope, checked to be one. */
export async function expectError(response: Response | Promise<Response>, status: number): Promise<ErrorBody["error"]> {
  const body = await expectStatus<ErrorBody>(response, status);
  if (typeof body?.error?.code !== "string" || typeof body.error.message !== "string")
    throw new Error(`not an error envelope: ${JSON.stringify(body)}`);
  return body.error;
}

export const baseChit = {
  name: "Test chit",
  organizer: "Test Chits Pvt Ltd",
  chitValue: 100000,
  members: 20,
  startDate: "2025-01-05",
  dueDay: 5,
};

export async function createChit(client: Client, fields: Record<string, unknown> = {}): Promise<ChitBody> {
  return expectStatus<ChitBody>(client.json("/api/v1/chits", { ...baseChit, ...fields }), 201);
}

export async function recordInstalment(
  client: Client,
  chitId: string,
  n: number,
  fields: Record<string, unknown>,
): Promise<RowBody> {
  return expectStatus<RowBody>(client.json(`/api/v1/chits/${chitId}/instalments/${n}`, fields, "PUT"), 200);
}

export async function scheduleOf(client: Client, chitId: string, query = ""): Promise<ScheduleBody> {
  return expectStatus<ScheduleBody>(client.fetch(`/api/v1/chits/${chitId}/schedule${query}`), 200);
}

export async function pay(
  client: Client,
  chitId: string,
  fields: Record<string, unknown> = {},
): Promise<PaymentResultBody> {
  return expectStatus<PaymentResultBody>(client.json(`/api/v1/chits/${chitId}/payments`, fields), 201);
}
