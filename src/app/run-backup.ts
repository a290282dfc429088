// One backup: the whole installation written with the same archive as `chitfunds export` into BACKUP_DIR under a
// dated name, then all but the newest `keep` backups removed. Used by the scheduled job and `chitfunds backup`.
import { join, resolve } from "node:path";
import { type ArchiveDeps, exportArchive } from "./export-archive.ts";

export const BACKUP_PATTERN = /^chitfunds-backup-\d{8}-\d{6}Z(-\d+)?\.chitfunds$/;

/** 2026-01-10T02:30:00.123Z -> chitfunds-backup-20260110-023000Z.chitfunds (sorts by time as text). */
export function backupName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "")
    .replace("T", "-");
  return `chitfunds-backup-${stamp}.chitfunds`;
}

export async function runBackup(
  deps: ArchiveDeps,
  options: { dir: string; keep: number },
): Promise<{ path: string; counts: Record<string, number>; removed: string[] }> {
  const dir = resolve(options.dir);
  const existing = new Set(await deps.archives.folder(dir));
  let name = backupName(deps.clock.now());
  for (let n = 2; existing.has(name); n++) name = name.replace(/(-\d+)?\.chitfunds$/, `-${n}.chitfunds`);
  const path = join(dir, name);
  const counts = await exportArchive(deps, path);
  const backups = (await deps.archives.folder(dir)).filter((f) => BACKUP_PATTERN.test(f)).sort();
  const removed = backups.slice(0, Math.max(0, backups.length - Math.max(1, options.keep)));
  for (const old of removed) await deps.archives.remove(join(dir, old));
  return { path, counts, removed };
}
