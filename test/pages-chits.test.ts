// The chit pages over HTTP: add and edit through the form (bad input kept and explained), the schedule to the rupee,
// recording auctions and a prize, the real rate, close/reopen, and delete with a confirmation that works without JS.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { alerts, fieldError, fieldValue, selectedOption } from "./support/html.ts";
import {
  addChit,
  fixedClock,
  idFrom,
  jpeg,
  memberId,
  postMultipart,
  scheduleRow,
  text,
  WORKED_EXAMPLE,
} from "./support/ledger-pages.ts";

let t: TestApp;
let asha: Client;
beforeEach(async () => {
  t = await startTestApp({ clock: fixedClock });
  asha = await signedInMember(t, "asha@example.com");
});
afterEach(async () => {
  await t.close();
});

const page = async (client: Client, path: string) => {
  const res = await client.fetch(path);
  return { status: res.status, html: await res.text() };
};

describe("adding a chit", () => {
  it("starts from the usual settings, each explained, with the variants under Advanced", async () => {
    const { status, html } = await page(asha, "/chits/new");
    expect(status).toBe(200);
    expect(fieldValue(html, "commissionPercent")).toBe("5");
    expect(fieldValue(html, "maxDiscountPercent")).toBe("40");
    expect(selectedOption(html, "commissionMode")).toBe("from-discount");
    expect(selectedOption(html, "dividendSplit")).toBe("all");
    expect(selectedOption(html, "dividendApplies")).toBe("next");
    expect(selectedOption(html, "firstInstalment")).toBe("foreman");
    expect(fieldValue(html, "startDate")).toBe("2026-03-15");
    expect(html).toMatch(/<details[^>]*>\s*<summary[^>]*>Advanced/);
    expect(html).not.toMatch(/<details[^>]*open/);
    for (const name of [
      "name",
      "chitValue",
      "members",
      "startDate",
      "dueDay",
      "commissionPercent",
      "dividendSplit",
      "maxDiscountPercent",
    ]) {
      expect(html, name).toMatch(new RegExp(`<label class="form-label" for="f-${name}">`));
      expect(html, name).toContain(`id="f-${name}-help"`);
    }
  });

  it("adds the chit through the form and lists it with its value, progress and next due", async () => {
    const id = await addChit(asha);
    const chitPage = await page(asha, `/chits/${id}?notice=chit-added`);
    expect(alerts(chitPage.html)[0]).toMatch(/Chit added/);
    const list = await page(asha, "/chits");
    expect(list.status).toBe(200);
    const card = text(list.html);
    expect(card).toContain("Kapil 1L group B7");
    expect(card).toContain("Kapil Chits");
    expect(card).toContain("₹1,00,000");
    expect(card).toContain("Paid ₹0 of ₹1,00,000 payable");
    expect(card).toContain("Next due: instalment 1, ₹5,000 on 10 Jan 2026");
    expect(list.html).toMatch(/<progress class="ledger-progress w-100" id="progress-[^"]+" max="10000000" value="0">/);
  });

  it(
    "a bad form shows each message beside its field, keeps what was typed, answers 400 " + "and saves nothing",
    async () => {
      const res = await asha.form("/chits", {
        ...WORKED_EXAMPLE,
        name: "My chit",
        chitValue: "1,00",
        members: "1",
        dueDay: "32",
        maxDiscountPercent: "150",
      });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(fieldError(html, "chitValue")).toMatch(/Chit value: Enter an amount in rupees/);
      expect(fieldError(html, "members")).toBe("Number of members must be at least 2.");
      expect(fieldError(html, "dueDay")).toBe("Due day must be at most 31.");
      expect(fieldError(html, "maxDiscountPercent")).toMatch(/at most 100%/);
      expect(fieldValue(html, "name")).toBe("My chit");
      expect(fieldValue(html, "chitValue")).toBe("1,00");
      expect(fieldValue(html, "members")).toBe("1");
      expect(html).toMatch(/<details[^>]*open/); // the wrong advanced setting is visible
      expect(alerts(html)).toContain("Please correct the highlighted fields.");
      expect(await t.services.ledger.chits.list(await memberId(t, "asha@example.com"))).toEqual([]);
    },
  );

  it(
    "rules that do not fit together are refused beside the field (maximum discount below " + "the commission)",
    async () => {
      const res = await asha.form("/chits", { ...WORKED_EXAMPLE, commissionPercent: "5", maxDiscountPercent: "4" });
      expect(res.status).toBe(400);
      expect(fieldError(await res.text(), "maxDiscountPercent")).toMatch(/cannot be below the commission/);
    },
  );
});

describe("editing, closing and reopening a chit", () => {
  it("edits through the same form and keeps the settings it does not show as changed", async () => {
    const id = await addChit(asha, {
      dividendSplit: "others",
      taxOnCommissionPercent: "18",
      taxDeductedFromPrize: "true",
      notes: "Agent: Ravi",
    });
    const edit = await page(asha, `/chits/${id}/edit`);
    expect(fieldValue(edit.html, "chitValue")).toBe("1,00,000");
    expect(selectedOption(edit.html, "dividendSplit")).toBe("others");
    expect(edit.html).toMatch(/<details[^>]*open/);
    expect(selectedOption(edit.html, "taxMode")).toBe("deducted-from-prize");

    const bad = await asha.form(`/chits/${id}/edit`, {
      ...WORKED_EXAMPLE,
      organizer: "Kapil Chit Funds Pvt Ltd",
      chitValue: "lots",
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(fieldValue(badHtml, "organizer")).toBe("Kapil Chit Funds Pvt Ltd");
    expect(fieldError(badHtml, "chitValue")).toMatch(/Chit value/);

    const saved = await asha.form(`/chits/${id}/edit`, {
      ...WORKED_EXAMPLE,
      organizer: "Kapil Chit Funds Pvt Ltd",
      dividendSplit: "others",
      taxDeductedFromPrize: "false",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/chits/${id}?notice=chit-saved`);
    const chit = (await t.services.ledger.chits.get(await memberId(t, "asha@example.com"), id))!;
    expect(chit.organizer).toBe("Kapil Chit Funds Pvt Ltd");
    expect(chit.terms.taxMode).toBe("none");
    expect(chit.terms.taxOnCommissionPercent).toBe(18);

    // Closing changes only the status: the notes and rules stay.
    expect((await asha.form(`/chits/${id}/status`, { status: "closed" })).headers.get("location")).toBe(
      `/chits/${id}?notice=chit-closed`,
    );
    const closed = await page(asha, `/chits/${id}`);
    expect(closed.html).toContain('<span class="badge text-bg-secondary">Closed</span>');
    expect(closed.html).toMatch(/<button class="btn btn-outline-secondary" type="submit">Reopen<\/button>/);
    expect(closed.html).not.toContain(`href="/chits/${id}/payments/new"`);
    const after = (await t.services.ledger.chits.get(await memberId(t, "asha@example.com"), id))!;
    expect(after.notes).toBe("");
    expect(after.terms.dividendSplit).toBe("others");
    const payForm = await page(asha, `/chits/${id}/payments/new`);
    expect(alerts(payForm.html)).toContain("This chit is closed. Reopen it to record payments.");

    expect((await asha.form(`/chits/${id}/status`, { status: "active" })).headers.get("location")).toBe(
      `/chits/${id}?notice=chit-reopened`,
    );
    expect((await page(asha, `/chits/${id}`)).html).toContain('<span class="badge text-bg-success">Active</span>');
  });
});

describe("the chit page", () => {
  it("shows the worked example's schedule to the rupee once the auctions are recorded", async () => {
    const id = await addChit(asha);
    expect(
      (await asha.form(`/chits/${id}/instalments/2`, { discount: "30,000", payableOverride: "" })).headers.get(
        "location",
      ),
    ).toBe(`/chits/${id}?notice=instalment-saved`);
    expect((await asha.form(`/chits/${id}/instalments/3`, { discount: "28000", payableOverride: "" })).status).toBe(
      303,
    );
    // The prize on the notice instead of the discount: 73,500 means a discount of 26,500.
    expect(
      (await asha.form(`/chits/${id}/instalments/4`, { discount: "", prizeAmount: "73,500", payableOverride: "" }))
        .status,
    ).toBe(303);

    const { html } = await page(asha, `/chits/${id}`);
    // number, due date, discount, dividend, payable, prize, paid, balance, status
    expect(scheduleRow(html, 1)).toMatch(/^1 10 Jan 2026 foreman ₹0 ₹5,000 ₹1,00,000 ₹0 ₹5,000 Overdue/);
    expect(scheduleRow(html, 2)).toMatch(/^2 10 Feb 2026 ₹30,000 ₹1,250 ₹5,000 ₹70,000 ₹0 ₹5,000 Overdue/);
    expect(scheduleRow(html, 3)).toMatch(/^3 10 Mar 2026 ₹28,000 ₹1,150 ₹3,750 ₹72,000 ₹0 ₹3,750 Overdue/);
    expect(scheduleRow(html, 4)).toMatch(/^4 10 Apr 2026 ₹26,500 ₹1,075 ₹3,850 ₹73,500 ₹0 ₹3,850 Due/);
    expect(scheduleRow(html, 5)).toMatch(/^5 10 May 2026 — — ₹3,925 — ₹0 ₹3,925 Upcoming/);
    expect(scheduleRow(html, 6)).toMatch(/^6 10 Jun 2026 — — ₹5,000 estimated/);
    expect(html).toContain('aria-label="Record auction for instalment 3"');
    for (const header of ["Instalment", "Due date", "Discount", "Dividend", "Payable", "Paid", "Balance", "Status"]) {
      expect(html).toMatch(new RegExp(`<th scope="col"[^>]*>\\s*${header}\\s*</th>`));
    }
  });

  it(
    "the payable from the foreman's notice wins, and a discount outside the rules is " + "explained beside the field",
    async () => {
      const id = await addChit(asha);
      const bad = await asha.form(`/chits/${id}/instalments/2`, { discount: "45,000", payableOverride: "" });
      expect(bad.status).toBe(400);
      const badHtml = await bad.text();
      expect(fieldError(badHtml, "discount")).toBe("Discount cannot exceed 40% of the chit value (₹40,000).");
      expect(fieldValue(badHtml, "discount")).toBe("45,000");

      const low = await asha.form(`/chits/${id}/instalments/2`, { discount: "4,000", payableOverride: "" });
      expect(fieldError(await low.text(), "discount")).toBe(
        "Discount cannot be below the foreman's commission (₹5,000).",
      );

      expect((await asha.form(`/chits/${id}/instalments/3`, { discount: "", payableOverride: "3,740" })).status).toBe(
        303,
      );
      const { html } = await page(asha, `/chits/${id}`);
      expect(scheduleRow(html, 3)).toContain("₹3,740 notice");
      const form = await page(asha, `/chits/${id}/instalments/3`);
      expect(fieldValue(form.html, "payableOverride")).toBe("3,740");
      expect((await asha.fetch(`/chits/${id}/instalments/21`)).status).toBe(404);
    },
  );

  it(
    "records winning an auction with the prize received: the chit shows as prized and " + "later instalments stay due",
    async () => {
      const id = await addChit(asha);
      const res = await asha.form(`/chits/${id}/instalments/2`, {
        discount: "30,000",
        wonByMe: "true",
        prizeReceived: "70,000",
        prizeReceivedOn: "2026-02-12",
        payableOverride: "",
      });
      expect(res.status).toBe(303);
      const { html } = await page(asha, `/chits/${id}`);
      expect(html).toContain('<span class="badge text-bg-info">Prized</span>');
      expect(scheduleRow(html, 2)).toContain("Won by you");
      expect(scheduleRow(html, 4)).toMatch(/Due/);
      const again = await asha.form(`/chits/${id}/instalments/5`, {
        discount: "25,000",
        wonByMe: "true",
        payableOverride: "",
      });
      expect(again.status).toBe(409);
      expect(fieldError(await again.text(), "wonByMe")).toBe("Already won at instalment 2.");
      expect((await page(asha, "/chits")).html).toContain("Prized");
    },
  );

  it(
    "shows the real rate: XIRR on the actual payments and prize, NPV at a benchmark the " + "member changes, MIRR",
    async () => {
      // DOMAIN.md's XIRR check: -1,000 on 1 Jan, 1 Feb, 1 Mar and 1 Apr 2024, then +4,400 on 1 May 2024
      // -> 57.85% a year.
      const id = await addChit(asha, {
        name: "Small chit",
        chitValue: "5,000",
        members: "5",
        startDate: "2024-01-01",
        dueDay: "1",
        firstInstalment: "auction",
      });
      for (const [n, day] of [
        [1, "2024-01-01"],
        [2, "2024-02-01"],
        [3, "2024-03-01"],
        [4, "2024-04-01"],
      ] as const) {
        expect(
          (
            await asha.form(`/chits/${id}/payments`, {
              instalment: String(n),
              amount: "1000",
              paidOn: day,
              method: "upi",
            })
          ).status,
        ).toBe(303);
      }
      expect(
        (
          await asha.form(`/chits/${id}/instalments/5`, {
            discount: "",
            wonByMe: "true",
            prizeReceived: "4,400",
            prizeReceivedOn: "2024-05-01",
            payableOverride: "",
          })
        ).status,
      ).toBe(303);
      const { html } = await page(asha, `/chits/${id}`);
      expect(html).toMatch(/data-rate="rate-actual">57\.85%/);
      expect(text(html)).toContain("57.85% What your money earns, as a yearly interest rate.");
      expect(text(html)).toContain("NPV at 7.0% a year");
      expect(text(html)).toContain("Net gain (received minus paid) ₹400");

      const tenPercent = await page(asha, `/chits/${id}?benchmark=10&assumption=average-discount`);
      expect(text(tenPercent.html)).toContain("NPV at 10.0% a year");
      expect(fieldValue(tenPercent.html, "benchmark")).toBe("10");
      expect(selectedOption(tenPercent.html, "assumption")).toBe("average-discount");

      const badBenchmark = await page(asha, `/chits/${id}?benchmark=abc`);
      expect(fieldError(badBenchmark.html, "benchmark")).toMatch(/Enter a rate from 0 to 100/);
    },
  );

  it(
    "says in words why there is no rate instead of printing a number, and shows the " + "projection's assumption",
    async () => {
      const id = await addChit(asha);
      await asha.form(`/chits/${id}/instalments/2`, { discount: "30,000", payableOverride: "" });
      await asha.form(`/chits/${id}/instalments/3`, { discount: "28,000", payableOverride: "" });
      expect(
        (
          await asha.form(`/chits/${id}/payments`, {
            instalment: "1",
            amount: "5000",
            paidOn: "2026-01-10",
            method: "cash",
          })
        ).status,
      ).toBe(303);
      const one = await page(asha, `/chits/${id}`);
      expect(text(one.html)).toContain("Not enough dated payments yet to work out a rate.");
      expect(
        (
          await asha.form(`/chits/${id}/payments`, {
            instalment: "2",
            amount: "5000",
            paidOn: "2026-02-10",
            method: "cash",
          })
        ).status,
      ).toBe(303);
      const { html } = await page(asha, `/chits/${id}`);
      expect(text(html)).toContain("No rate yet: so far you have only paid in; a rate needs the prize too.");
      expect(html).not.toMatch(/data-rate="rate-actual">-?\d/);
      expect(text(html)).toContain("Auctions not yet held are assumed at the lowest bid (₹5,000): no more dividends.");
      const average = await page(asha, `/chits/${id}?assumption=average-discount`);
      expect(text(average.html)).toContain(
        "Auctions not yet held are assumed at ₹29,000, the average of the 2 recorded so far.",
      );
    },
  );
});

describe("deleting a chit", () => {
  it("asks first (a page without JavaScript), then removes the chit with its payments and receipt files", async () => {
    const id = await addChit(asha);
    const paid = await postMultipart(
      asha,
      `/chits/${id}/payments`,
      { instalment: "1", amount: "5,000", paidOn: "2026-01-10", method: "upi" },
      [{ name: "paid.jpg", type: "image/jpeg", bytes: await jpeg() }],
    );
    const paymentId = idFrom(paid, "/payments/");
    const owner = await memberId(t, "asha@example.com");
    const receipt = (await t.services.ledger.payments.get(owner, paymentId))!.receipts[0]!;
    expect(await t.db.storedFiles()).toContain(receipt.key);

    const chitPage = await page(asha, `/chits/${id}`);
    expect(chitPage.html).toContain(
      'data-confirm="Delete Kapil 1L group B7 with 1 payment and 1 receipt? This cannot be undone."',
    );

    const unasked = await asha.form(`/chits/${id}/delete`, {});
    expect(unasked.status).toBe(303);
    expect(unasked.headers.get("location")).toBe(`/chits/${id}/delete`);
    expect(await t.services.ledger.chits.get(owner, id)).not.toBeNull();
    const confirm = await page(asha, `/chits/${id}/delete`);
    expect(text(confirm.html)).toContain("Delete Kapil 1L group B7 with 1 payment and 1 receipt?");

    const done = await asha.form(`/chits/${id}/delete`, { confirm: "yes" });
    expect(done.headers.get("location")).toBe("/chits?notice=chit-deleted");
    expect(await t.services.ledger.chits.get(owner, id)).toBeNull();
    expect(await t.services.ledger.payments.get(owner, paymentId)).toBeNull();
    expect((await asha.fetch(`/receipts/${receipt.id}`)).status).toBe(404);
    expect((await asha.fetch(`/payments/${paymentId}`)).status).toBe(404);
    expect(await t.db.storedFiles()).not.toContain(receipt.key);
    expect(alerts((await page(asha, "/chits?notice=chit-deleted")).html)).toContain(
      "Chit deleted, with its payments and receipts.",
    );
  });
});

describe("pages for signed-in members only", () => {
  it("sends a visitor to the login page", async () => {
    const visitor = t.newClient();
    const res = await visitor.fetch("/chits/new");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?next=%2Fchits%2Fnew");
  });
});
