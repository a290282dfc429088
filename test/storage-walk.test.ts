// The embedded store's storage report (start-up, the Admin page) walks every receipt file under DATA_DIR: it must let
// other requests run while it reads, however many files there are.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { probeSqlite } from "../src/adapters/sqlite/sqlite-health.ts";

describe("the storage walk", () => {
  it("counts every receipt file's bytes while the event loop keeps turning", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "chitfunds-walk-"));
    try {
      let bytes = 0;
      for (let d = 0; d < 6; d++) {
        const dir = join(dataDir, "files", `member-${d}`, "receipts");
        mkdirSync(dir, { recursive: true });
        for (let f = 0; f < 80; f++) {
          writeFileSync(join(dir, `r${f}.jpg`), Buffer.alloc(100 + f));
          bytes += 100 + f;
        }
      }
      // A synchronous walk answers before any other callback can run (0 turns); this one lets them in between reads.
      let turns = 0;
      let walking = true;
      const turn = () => {
        turns++;
        if (walking) setImmediate(turn);
      };
      setImmediate(turn);
      const report = await probeSqlite(dataDir);
      walking = false;
      expect(report.storage?.filesBytes).toBe(bytes);
      expect(turns).toBeGreaterThanOrEqual(3);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
