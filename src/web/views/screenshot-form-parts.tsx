// The payment form's parts for screenshots: what public/payment-read.js needs to read a chosen screenshot and fill
// the empty fields, and, for a file shared into the app, the file kept as the receipt and the chit it was put under.
import type { SharedFile } from "../../app/keep-shared-file.ts";
import type { T } from "../i18n/index.ts";

/** A payment shared into the app: its pending file, the fields read from it, and how its chit was chosen. */
export type SharedPayment = {
  file: SharedFile;
  readFields: string[];
  guess: "payee" | "due" | null;
  chits: { id: string; name: string }[];
  chitId: string;
  /** What the screenshot showed, to warn when the payment is saved with something else. */
  shown: { amount: string; reference: string };
};

/**
 * Hidden fields: the shared file's id, and what the screenshot showed (filled in by payment-read.js when a file is
 * chosen).
 */
export function ScreenshotReadFields(p: { shared?: SharedPayment; values: Record<string, string> }) {
  return (
    <>
      {p.shared && <input type="hidden" name="shared" value={p.shared.file.id} />}
      <input
        type="hidden"
        name="screenshotAmount"
        value={p.values.screenshotAmount ?? p.shared?.shown.amount ?? ""}
        data-screenshot-shown="amount"
      />
      <input
        type="hidden"
        name="screenshotReference"
        value={p.values.screenshotReference ?? p.shared?.shown.reference ?? ""}
        data-screenshot-shown="reference"
      />
    </>
  );
}

/** Where payment-read.js reports on reading a chosen screenshot, with its words in the page's language. */
export function ScreenshotStatus(p: { t: T }) {
  const t = p.t;
  return (
    <p
      class="small text-muted"
      role="status"
      aria-live="polite"
      data-read-status
      data-read-url="/api/v1/receipts/read"
      data-text-reading={t("screenshot.reading")}
      data-text-read={t("screenshot.readFrom")}
      data-text-failed={t("screenshot.readFailed")}
      data-text-nothing={t("screenshot.readNothing")}
      data-text-shown-amount={t("screenshot.shownAmount", { amount: "{amount}" })}
      data-text-shown-reference={t("screenshot.shownReference", { reference: "{reference}" })}
    ></p>
  );
}

/** The shared file, attached as the receipt, and the chit chooser (a plain GET form: it works without scripts). */
export function SharedFileNotice(p: { t: T; shared: SharedPayment }) {
  const { t, shared } = p;
  return (
    <div class="alert alert-info" role="status">
      <p class="mb-2">{t("screenshot.sharedFile", { name: shared.file.name })}</p>
      {shared.guess && (
        <p class="small mb-2">{t(shared.guess === "payee" ? "screenshot.chitFromPayee" : "screenshot.chitFromDue")}</p>
      )}
      <form method="get" action="/share/new" class="d-flex flex-wrap gap-2 align-items-end" data-autosubmit>
        <div>
          <label class="form-label small mb-1" for="f-share-chit">
            {t("screenshot.chooseChit")}
          </label>
          <select class="form-select form-select-sm" id="f-share-chit" name="chit">
            {shared.chits.map((c) => (
              <option value={c.id} selected={c.id === shared.chitId}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button class="btn btn-sm btn-outline-primary" type="submit">
          {t("screenshot.changeChit")}
        </button>
      </form>
    </div>
  );
}
