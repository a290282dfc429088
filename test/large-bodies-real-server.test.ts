// A stranger's 200 MB bodies against a real `npm start` server: each is answered (413, or 401/403 before reading) in
// under 2 seconds, and the server's memory barely moves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RealServer, rawPost, startRealServer, treeRss } from "./support/real-server.ts";

let server: RealServer;
beforeAll(async () => {
  server = await startRealServer();
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

const MB = 1024 * 1024;
const TARGETS = [
  ["/login", "application/x-www-form-urlencoded"],
  ["/api/auth/sign-in/email", "application/json"],
  ["/api/v1/chits", "application/json"],
] as const;

describe("anonymous 200 MB bodies to a real server", () => {
  it("are answered in under 2 s each, and RSS grows by less than 64 MB", async () => {
    const before = treeRss(server.child.pid!);
    const figures: string[] = [];
    for (const chunked of [false, true]) {
      for (const [path, contentType] of TARGETS) {
        const { status, ms, sentBytes } = await rawPost(server.port, path, { size: 200 * MB, contentType, chunked });
        figures.push(
          `${chunked ? "chunked " : "declared"} ${path}: ${status} in ${ms} ms after ` +
            `${Math.round(sentBytes / MB)} MB sent`,
        );
        expect([401, 403, 413], `${path} ${chunked ? "chunked" : "declared"}`).toContain(status);
        expect(ms, `${path} ${chunked ? "chunked" : "declared"}`).toBeLessThan(2000);
      }
    }
    const after = treeRss(server.child.pid!);
    figures.push(`RSS of the server's process tree: ${Math.round(before / MB)} MB -> ${Math.round(after / MB)} MB`);
    console.log(figures.join("\n"));
    expect(after - before).toBeLessThan(64 * MB);
  }, 60_000);
});
