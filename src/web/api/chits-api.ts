// /api/v1/chits: a member's chits with their rules, instalment records, and the schedule with the real rate.
import { Hono } from "hono";
import { z } from "zod";
import { buildBidAdvice } from "../../app/advise-bid.ts";
import { buildChitReport } from "../../app/build-chit-report.ts";
import { summarise } from "../../app/build-summary.ts";
import { createChit } from "../../app/create-chit.ts";
import { deleteChit } from "../../app/delete-chit.ts";
import { findChit } from "../../app/find-chit.ts";
import { parseInput } from "../../app/parse-input.ts";
import { recordInstalment } from "../../app/record-instalment.ts";
import { updateChit } from "../../app/update-chit.ts";
import { todayIn } from "../../domain/dates.ts";
import type { WebEnv } from "../env.ts";
import { bidAdviceJson, chitJson, chitProgressJson, scheduleJson, scheduleRowJson } from "./json.ts";
import { readFields } from "./request-body.ts";

const scheduleQuery = z.object({
  benchmark: z.coerce
    .number({ message: "Benchmark must be a yearly rate in percent, e.g. 7." })
    .min(-50, "Benchmark must be at least -50%.")
    .max(100, "Benchmark must be at most 100%.")
    .default(7),
  assumption: z
    .enum(["no-more-dividends", "average-discount"], { message: "Assumption is no-more-dividends or average-discount." })
    .default("no-more-dividends"),
});

/** Only digits make an instalment number; anything else is refused by the use case as out of range. */
const instalmentNumber = (text: string) => (/^\d{1,6}$/.test(text) ? Number(text) : Number.NaN);

const withoutBlanks = (query: Record<string, string>) => Object.fromEntries(Object.entries(query).filter(([, v]) => v.trim() !== ""));

export const chitsApi = new Hono<WebEnv>()
  .get("/chits", async (c) => {
    const deps = c.get("services").ledger;
    const member = c.get("member");
    const [chits, payments] = await Promise.all([deps.chits.list(member.id), deps.payments.listForOwner(member.id)]);
    const summary = summarise(chits, payments, todayIn(member.timeZone, deps.clock.now()));
    const cards = new Map(summary.chits.map((card) => [card.id, card]));
    return c.json({
      today: summary.today,
      chits: chits.map((chit) => {
        const card = cards.get(chit.id);
        return { ...chitJson(chit), summary: card ? chitProgressJson(card) : null };
      }),
    });
  })
  .post("/chits", async (c) => {
    const chit = await createChit(c.get("services").ledger, c.get("member").id, await readFields(c));
    return c.json(chitJson(chit), 201, { location: `/api/v1/chits/${chit.id}` });
  })
  .get("/chits/:id", async (c) => c.json(chitJson(await findChit(c.get("services").ledger.chits, c.get("member").id, c.req.param("id")))))
  .patch("/chits/:id", async (c) => {
    const chit = await updateChit(c.get("services").ledger, c.get("member").id, c.req.param("id"), await readFields(c));
    return c.json(chitJson(chit));
  })
  .delete("/chits/:id", async (c) => {
    await deleteChit(c.get("services").ledger, c.get("member").id, c.req.param("id"));
    return c.body(null, 204);
  })
  .put("/chits/:id/instalments/:n", async (c) => {
    const deps = c.get("services").ledger;
    const member = c.get("member");
    const number = instalmentNumber(c.req.param("n"));
    const fields = await readFields(c);
    const chit = await recordInstalment(deps, member.id, c.req.param("id"), number, fields);
    const report = await buildChitReport(deps, member, chit.id);
    return c.json({ chitId: chit.id, ...scheduleRowJson(report.schedule.instalments[number - 1]!) });
  })
  .get("/chits/:id/bid-advice", async (c) => {
    const advice = await buildBidAdvice(c.get("services").ledger, c.get("member"), c.req.param("id"), withoutBlanks(c.req.query()));
    return c.json(bidAdviceJson(c.req.param("id"), advice));
  })
  .get("/chits/:id/schedule", async (c) => {
    const query = parseInput(scheduleQuery, withoutBlanks(c.req.query()));
    const report = await buildChitReport(c.get("services").ledger, c.get("member"), c.req.param("id"), {
      benchmarkRate: query.benchmark / 100,
      assumption: query.assumption,
    });
    return c.json(scheduleJson(report));
  });
