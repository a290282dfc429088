// Launches Debian's chromium for the browser tests, and watches a page for the problems every test refuses.
import { type Browser, chromium, type Page } from "playwright-core";

/** The flags keep chromium from reaching out to the network, which this machine does not have. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    headless: true,
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Console errors (a CSP violation shows up there), page errors and, unless told otherwise, HTTP responses of 400+. */
export function watchProblems(page: Page, options: { responses?: boolean } = {}): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console on ${page.url()}: ${msg.text().slice(0, 120)}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  if (options.responses !== false) {
    page.on("response", (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()} ${res.url()}`);
    });
  }
  return problems;
}
