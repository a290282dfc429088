// What /readyz reports, one check at a time: the store answers, receipt files can be written, the disk has room.
export type HealthCheck = { name: "store" | "files" | "freeSpace"; ok: boolean; detail: string };
