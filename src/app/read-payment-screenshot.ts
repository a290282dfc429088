// A member's payment screenshot read for the payment form: amount (paise), UPI reference, date, payee and UPI id,
// each null when it cannot be read with confidence. Nothing is stored.
import { todayIn } from "../domain/dates.ts";
import { readPaymentScreenshot, type ScreenshotFields } from "../domain/screenshot/read-payment-screenshot.ts";
import type { Clock } from "../ports/clock.ts";
import type { Member } from "../ports/member-repository.ts";
import { type ScreenshotReader, ScreenshotRefused } from "../ports/screenshot-reader.ts";
import { AppError } from "./errors.ts";
import type { UploadedFile } from "./store-receipts.ts";

export type ScreenshotDeps = { reader: ScreenshotReader; clock: Clock; maxBytes: number };

export async function readPaymentScreenshotFile(
  deps: ScreenshotDeps,
  member: Pick<Member, "timeZone">,
  file: UploadedFile | undefined,
): Promise<ScreenshotFields> {
  if (!file || file.bytes.byteLength === 0)
    throw new AppError(400, "file-required", "Choose the screenshot to read.", { file: "Choose a screenshot." });
  if (file.bytes.byteLength > deps.maxBytes) {
    const mb = Math.round((deps.maxBytes / 1024 / 1024) * 10) / 10;
    throw new AppError(413, "file-too-large", `The screenshot is larger than the ${mb} MB limit.`, {
      file: `At most ${mb} MB.`,
    });
  }
  try {
    const lines = await deps.reader.readLines(file.bytes);
    return readPaymentScreenshot(lines, todayIn(member.timeZone, deps.clock.now()));
  } catch (error) {
    if (!(error instanceof ScreenshotRefused)) throw error;
    const status = error.code === "not-an-image" ? 415 : error.code === "unreadable-file" ? 400 : 503;
    throw new AppError(status, error.code, error.message, status === 503 ? {} : { file: error.message });
  }
}
