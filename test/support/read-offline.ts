// Reads one screenshot with the real OCR and prints the fields as JSON (run under test/support/no-network.mjs).
import { readFileSync } from "node:fs";
import { tesseractScreenshotReader } from "../../src/adapters/ocr/tesseract-screenshot-reader.ts";
import { readPaymentScreenshot } from "../../src/domain/screenshot/read-payment-screenshot.ts";

const reader = tesseractScreenshotReader({ workers: 1, queue: 1, timeoutMs: 60_000, idleMs: 60_000 });
const lines = await reader.readLines(readFileSync(process.argv[2]!));
console.log(JSON.stringify(readPaymentScreenshot(lines)));
await reader.close();
