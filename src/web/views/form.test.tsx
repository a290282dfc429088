// Every form control is drawn by one shell (label, help, error, aria links), so they all behave alike for a screen
// reader and for the tests that find fields by their label; no view writes that markup itself.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Checkbox, Field, FileInput, Select, Textarea } from "./form.tsx";

const html = (node: unknown) => String(node);

describe("form controls", () => {
  const controls = {
    field: html(<Field name="amount" label="Amount" help="In rupees." error="Enter an amount." value="12" />),
    select: html(
      <Select
        name="method"
        label="Method"
        help="How you paid."
        error="Choose one."
        options={[{ value: "upi", label: "UPI" }]}
      />,
    ),
    textarea: html(<Textarea name="notes" label="Notes" help="Anything to remember." error="Too long." />),
    checkbox: html(
      <Checkbox name="wonByMe" label="I won it" help="Tick when you took the prize." error="Say yes or no." />,
    ),
    file: html(
      <FileInput name="receipts" id="f-receipts" label="Receipt" accept="image/*" help="A photo." error="Too large." />,
    ),
  };

  it.each(Object.entries(controls))("%s: label, help and error are tied to the control", (_, markup) => {
    const id = /<label class="form(?:-check)?-label" for="([^"]+)"/.exec(markup)?.[1];
    expect(id).toBeTruthy();
    expect(markup).toMatch(
      new RegExp(
        `<(input|select|textarea)[^>]*id="${id}"[^>]*aria-invalid="true"[^>]*aria-describedby="${id}-help ${id}-error"`,
      ),
    );
    expect(markup).toContain(`<div class="form-text" id="${id}-help">`);
    expect(markup).toMatch(new RegExp(`<div class="invalid-feedback" id="${id}-error"[^>]*>[^<]+</div>`));
    expect(markup).toMatch(/is-invalid/);
  });

  it("leaves out the error and aria-invalid when the value is fine", () => {
    const markup = html(<Field name="amount" label="Amount" help="In rupees." />);
    expect(markup).not.toMatch(/invalid/);
    expect(markup).toContain('aria-describedby="f-amount-help"');
    expect(html(<Field name="name" label="Name" />)).not.toContain("aria-describedby");
  });

  it("keeps a file chooser's error line for public/app.js to fill, announced when it changes", () => {
    const markup = html(<FileInput name="receipts" id="f-receipts" label="Receipt" accept="image/*" />);
    expect(markup).toContain('<div class="invalid-feedback" id="f-receipts-error" aria-live="polite"></div>');
    expect(markup).toContain('aria-describedby="f-receipts-error"');
  });

  it("are the only place that writes label/help/error markup", () => {
    const dir = import.meta.dirname;
    const elsewhere = readdirSync(dir)
      .filter((name) => name.endsWith(".tsx") && name !== "form.tsx" && !name.endsWith(".test.tsx"))
      .filter((name) =>
        /class="(invalid-feedback|form-text)"|class=\{`form-label/.test(readFileSync(join(dir, name), "utf8")),
      );
    expect(elsewhere).toEqual([]);
  });
});
