// /api/v1/chits: a member's chits with their rules, instalment records, and the schedule with the real rate.
import { Hono } from "hono";
import { z } from "zod";
import { bidAdviceQuery, buildBidAdvice } from "../../app/advise-bid.ts";
import { buildChitReport, chitReportQuery } from "../../app/build-chit-report.ts";
import { createChit } from "../../app/create-chit.ts";
import { deleteChit } from "../../app/delete-chit.ts";
import { findChit } from "../../app/find-chit.ts";
import { chitInput, chitPatch, instalmentInput } from "../../app/ledger-input.ts";
import { CHITS_PER_PAGE, chitListQuery, listChits } from "../../app/list-chits.ts";
import { parseInput, withoutBlanks } from "../../app/parse-input.ts";
import { recordInstalment } from "../../app/record-instalment.ts";
import { updateChit } from "../../app/update-chit.ts";
import type { WebEnv } from "../env.ts";
import { ledgerCached } from "../middleware/ledger-cache.ts";
import { bidAdviceJson, bidAdviceSchema } from "./json/bid-advice-json.ts";
import { chitJson, chitListJson, chitListSchema, chitSchema } from "./json/chit-json.ts";
import { errorSchema, idParam } from "./json/common.ts";
import { instalmentResultSchema, scheduleJson, scheduleRowJson, scheduleSchema } from "./json/schedule-json.ts";
import { describeRoute, guarded, requestSchema } from "./openapi/describe-route.ts";
import { readFields } from "./request-body.ts";

/** Only digits make an instalment number; anything else is refused by the use case as out of range. */
const instalmentNumber = (text: string) => (/^\d{1,6}$/.test(text) ? Number(text) : Number.NaN);

const chitId = idParam("chit");
const tags = ["chits"];
const json = (schema: z.ZodType) => ({ "application/json": schema });

export const chitsApi = new Hono<WebEnv>()
  .get(
    "/chits",
    describeRoute({
      operationId: "listChits",
      summary:
        "The member's chits, oldest first, each with paid, total payable, balance and next due; a page at a time.",
      description: `At most perPage chits (default ${CHITS_PER_PAGE}); total and pages say how many there are.`,
      tags,
      query: chitListQuery,
      responses: { 200: { description: "One page of chits.", json: chitListSchema }, 400: "BadInput", ...guarded },
    }),
    ledgerCached,
    async (c) => c.json(chitListJson(await listChits(c.get("services").ledger, c.get("member"), c.req.query()))),
  )
  .post(
    "/chits",
    describeRoute({
      operationId: "createChit",
      summary: "Add a chit with its rules; unset settings take the common defaults.",
      tags,
      body: { required: true, content: json(requestSchema("ChitInput", chitInput)) },
      responses: { 201: { description: "The chit.", json: chitSchema }, 400: "BadInput", ...guarded },
    }),
    async (c) => {
      const chit = await createChit(c.get("services").ledger, c.get("member").id, await readFields(c));
      return c.json(chitJson(chit), 201, { location: `/api/v1/chits/${chit.id}` });
    },
  )
  .get(
    "/chits/:id",
    describeRoute({
      operationId: "getChit",
      summary: "One chit.",
      tags,
      params: chitId,
      responses: { 200: { description: "The chit.", json: chitSchema }, 404: "NotFound", ...guarded },
    }),
    async (c) =>
      c.json(chitJson(await findChit(c.get("services").ledger.chits, c.get("member").id, c.req.param("id")))),
  )
  .patch(
    "/chits/:id",
    describeRoute({
      operationId: "updateChit",
      summary: "Change a chit's details or rules, or close/reopen it (status).",
      description: "Fields left out keep their value.",
      tags,
      params: chitId,
      body: { required: true, content: json(requestSchema("ChitPatch", chitPatch)) },
      responses: { 200: { description: "The chit.", json: chitSchema }, 400: "BadInput", 404: "NotFound", ...guarded },
    }),
    async (c) => {
      const chit = await updateChit(
        c.get("services").ledger,
        c.get("member").id,
        c.req.param("id"),
        await readFields(c),
      );
      return c.json(chitJson(chit));
    },
  )
  .delete(
    "/chits/:id",
    describeRoute({
      operationId: "deleteChit",
      summary: "Delete a chit with its payments and receipts.",
      tags,
      params: chitId,
      responses: { 204: { description: "Done; no body." }, 404: "NotFound", ...guarded },
    }),
    async (c) => {
      await deleteChit(c.get("services").ledger, c.get("member").id, c.req.param("id"));
      return c.body(null, 204);
    },
  )
  .put(
    "/chits/:id/instalments/:n",
    describeRoute({
      operationId: "recordInstalment",
      summary:
        "Record an instalment: its discount (or the prize, from which the discount follows), " +
        "the payable on the notice, and winning it.",
      description: "Fields left out keep their value; null clears one.",
      tags,
      params: chitId.extend({
        n: z.number().int().min(1).meta({ description: "Instalment number, 1 to instalments." }),
      }),
      body: { required: true, content: json(requestSchema("InstalmentInput", instalmentInput)) },
      responses: {
        200: { description: "The instalment's row of the schedule.", json: instalmentResultSchema },
        400: "BadInput",
        404: "NotFound",
        409: { description: "The member already won another instalment of this chit.", json: errorSchema },
        ...guarded,
      },
    }),
    async (c) => {
      const deps = c.get("services").ledger;
      const member = c.get("member");
      const number = instalmentNumber(c.req.param("n"));
      const fields = await readFields(c);
      const chit = await recordInstalment(deps, member.id, c.req.param("id"), number, fields);
      const report = await buildChitReport(deps, member, chit.id);
      return c.json({ chitId: chit.id, ...scheduleRowJson(report.schedule.instalments[number - 1]!) } satisfies z.infer<
        typeof instalmentResultSchema
      >);
    },
  )
  .get(
    "/chits/:id/bid-advice",
    describeRoute({
      operationId: "getBidAdvice",
      summary:
        "What winning instalment N at discount D means for this member: the rate of that " +
        "choice, the rate of waiting, and the break-even discount.",
      tags,
      params: chitId,
      query: bidAdviceQuery,
      responses: {
        200: { description: "The advice.", json: bidAdviceSchema },
        400: "BadInput",
        404: "NotFound",
        409: {
          description: "The member already won an instalment of this chit (code already-won).",
          json: errorSchema,
        },
        ...guarded,
      },
    }),
    async (c) => {
      const advice = await buildBidAdvice(
        c.get("services").ledger,
        c.get("member"),
        c.req.param("id"),
        withoutBlanks(c.req.query()),
      );
      return c.json(bidAdviceJson(c.req.param("id"), advice));
    },
  )
  .get(
    "/chits/:id/schedule",
    describeRoute({
      operationId: "getSchedule",
      summary:
        "Due dates, discount, dividend, payable, prize, paid, balance and status per " +
        "instalment, with totals and the real rate.",
      tags,
      params: chitId,
      query: chitReportQuery,
      responses: {
        200: { description: "The schedule.", json: scheduleSchema },
        400: "BadInput",
        404: "NotFound",
        ...guarded,
      },
    }),
    ledgerCached,
    async (c) => {
      const query = parseInput(chitReportQuery, withoutBlanks(c.req.query()));
      const report = await buildChitReport(c.get("services").ledger, c.get("member"), c.req.param("id"), query);
      return c.json(scheduleJson(report));
    },
  );
