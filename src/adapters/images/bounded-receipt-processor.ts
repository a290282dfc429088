// Loads the image processor (sharp, libvips) on the first upload and lets only a few receipts be decoded at once, so
// an idle server does not hold libvips and a burst of 12 MP photos cannot multiply the memory they take.
import type { ProcessedReceipt, ReceiptProcessor } from "../../ports/receipt-processor.ts";

export function boundedReceiptProcessor(load: () => Promise<ReceiptProcessor>, concurrency: number): ReceiptProcessor {
  let loaded: Promise<ReceiptProcessor> | undefined;
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (running < concurrency) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve)); // release() hands its slot over
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    async process(bytes): Promise<ProcessedReceipt> {
      await acquire();
      try {
        loaded ??= load().catch((error: unknown) => {
          loaded = undefined; // try again next time rather than failing every upload for good
          throw error;
        });
        return await (await loaded).process(bytes);
      } finally {
        release();
      }
    },
  };
}
