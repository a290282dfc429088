// Checks, processes and stores uploaded receipt files; if anything fails, every file already stored is removed.

import { createHash, randomUUID } from "node:crypto";
import { words } from "../i18n/words.ts";
import type { Receipt } from "../ports/ledger.ts";
import { ReceiptRefused } from "../ports/receipt-processor.ts";
import { AppError } from "./errors.ts";
import type { LedgerDeps } from "./ledger-deps.ts";

export type UploadedFile = { name: string; bytes: Uint8Array };

export const MAX_RECEIPTS_PER_PAYMENT = 10;

export function assertUploadsAcceptable(files: UploadedFile[], maxBytes: number): void {
  if (files.length > MAX_RECEIPTS_PER_PAYMENT) {
    throw new AppError(400, "too-many-files", words("errors.tooManyFiles", { count: MAX_RECEIPTS_PER_PAYMENT }), {
      receipts: words("errors.atMostFiles", { count: MAX_RECEIPTS_PER_PAYMENT }),
    });
  }
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  for (const file of files) {
    if (file.bytes.byteLength > maxBytes) {
      throw new AppError(
        413,
        "file-too-large",
        words("errors.fileTooLarge", { name: file.name || words("errors.aReceipt"), mb }),
        {
          receipts: words("errors.eachFileAtMost", { mb }),
        },
      );
    }
    if (file.bytes.byteLength === 0)
      throw new AppError(
        400,
        "empty-file",
        words("errors.emptyFile", { name: file.name || words("errors.aReceipt") }),
        {
          receipts: words("errors.fileEmpty"),
        },
      );
  }
}

/** Stores the files and returns receipt records ready to save with the payment, plus a cleanup to undo the files. */
export async function storeReceipts(
  deps: Pick<LedgerDeps, "files" | "receiptProcessor" | "receiptMaxBytes">,
  ownerId: string,
  paymentId: string,
  files: UploadedFile[],
  at: Date,
): Promise<{ receipts: Receipt[]; undo: () => Promise<void> }> {
  assertUploadsAcceptable(files, deps.receiptMaxBytes);
  const processed = [];
  for (const file of files) {
    try {
      processed.push({ file, result: await deps.receiptProcessor.process(file.bytes) });
    } catch (error) {
      if (error instanceof ReceiptRefused) {
        const [status, problem] =
          error.code === "unsupported-file-type"
            ? ([415, words("errors.unsupportedFile")] as const)
            : error.code === "image-too-large" && error.size
              ? ([
                  413,
                  words("errors.imageTooLarge", {
                    width: error.size.width,
                    height: error.size.height,
                    max: error.size.maxPixels / 1_000_000,
                  }),
                ] as const)
              : ([400, words("errors.unreadableFile")] as const);
        throw new AppError(
          status,
          error.code,
          file.name ? words("errors.namedFile", { name: file.name, problem }) : problem,
          { receipts: problem },
        );
      }
      if (error instanceof AppError)
        throw new AppError(
          error.status,
          error.code,
          file.name && error.words
            ? words("errors.namedFile", { name: file.name, problem: error.words })
            : (error.words ?? error.message),
          { receipts: error.words ?? error.message },
        );
      throw error;
    }
  }
  const stored: string[] = [];
  const undo = async () => {
    await Promise.allSettled(stored.map((key) => deps.files.delete(key)));
  };
  const receipts: Receipt[] = [];
  try {
    for (const [index, { file, result }] of processed.entries()) {
      const id = randomUUID();
      const ext = result.contentType === "application/pdf" ? "pdf" : "jpg";
      const key = `receipts/${ownerId}/${id}.${ext}`;
      const thumbnailKey = `receipts/${ownerId}/${id}-thumb.jpg`;
      await deps.files.put(key, result.bytes, result.contentType);
      stored.push(key);
      await deps.files.put(thumbnailKey, result.thumbnail, "image/jpeg");
      stored.push(thumbnailKey);
      receipts.push({
        id,
        ownerId,
        paymentId,
        contentType: result.contentType,
        size: result.bytes.byteLength,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        key,
        thumbnailKey,
        width: result.width,
        height: result.height,
        originalName: file.name.slice(0, 200),
        // a millisecond apart, so receipts keep the order they were attached in
        createdAt: new Date(at.getTime() + index),
      });
    }
  } catch (error) {
    await undo();
    throw error;
  }
  return { receipts, undo };
}
