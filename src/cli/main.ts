// The `chitfunds` command: create-admin, approve, reject, users. Runs against the configured store.
import { parseArgs } from "node:util";
import pino from "pino";
import { localArchiveFiles } from "../adapters/archive/archive-file.ts";
import { approveMember } from "../app/approve-member.ts";
import { assess, checkLines, checkStore } from "../app/check-store.ts";
import { createAdmin } from "../app/create-admin.ts";
import { AppError } from "../app/errors.ts";
import { exportArchive } from "../app/export-archive.ts";
import { importArchive } from "../app/import-archive.ts";
import { rejectMember } from "../app/reject-member.ts";
import { runBackup } from "../app/run-backup.ts";
import { composeServices, probeStore, type Services } from "../compose.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { translatorFor } from "../i18n/index.ts";
import type { MemberStatus } from "../ports/member-repository.ts";
import { StoreRefusedError } from "../ports/store-health.ts";

/** What the command line prints for the operator is in English. */
const operatorT = translatorFor("en");

/** `chitfunds doctor`: runs without starting the app, since the store it checks may be unusable. */
async function doctor(): Promise<number> {
  const check = await checkStore(probeStore(loadConfig()));
  for (const line of checkLines(operatorT, check)) (check.ok ? console.log : console.error)(line);
  return check.ok ? 0 : 1;
}

const USAGE = `Usage: chitfunds <command> [options]

Commands:
  create-admin --email E --password P [--name N]   make E an administrator (created if new)
  approve EMAIL                                    approve a member who confirmed their email
  reject EMAIL [--reason TEXT]                     reject a member (they are told by email)
  users [--pending|--status S]                     list members
  export --out FILE                                write everything into one portable archive
  import FILE [--replace]                          load an archive into the configured store
  restore FILE                                     replace the store's data with a backup archive
  backup [--dir DIR] [--keep N]                    write a backup now into DIR (default BACKUP_DIR), keep the newest N
  doctor                                           check the configured store; says what is wrong and how to fix it
                                                   (exit 0 only when all is well)

The store is chosen as for \`npm start\` (DATA_DIR, or MONGODB_URI when set).`;

type Command = (services: Services, args: string[]) => Promise<void>;

const printCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(", ");

const commands: Record<string, Command> = {
  async export(services, args) {
    const { values } = parseArgs({ args, options: { out: { type: "string" } } });
    if (!values.out) throw new UsageError("export needs --out FILE");
    const counts = await exportArchive(services.archive, values.out);
    console.log(`Wrote ${values.out}: ${printCounts(counts)}.`);
  },
  async import(services, args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { replace: { type: "boolean" } },
    });
    if (positionals.length !== 1) throw new UsageError("import needs one FILE");
    const counts = await importArchive(services.archive, positionals[0]!, { replace: Boolean(values.replace) });
    console.log(`Imported into ${services.storageDescription}: ${printCounts(counts)}.`);
  },
  async restore(services, args) {
    const { positionals } = parseArgs({ args, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError("restore needs one FILE");
    const counts = await importArchive(services.archive, positionals[0]!, { replace: true });
    console.log(`Restored into ${services.storageDescription}: ${printCounts(counts)}.`);
  },
  async backup(services, args) {
    const { values } = parseArgs({ args, options: { dir: { type: "string" }, keep: { type: "string" } } });
    const dir = values.dir ?? services.config.backup.dir;
    if (!dir) throw new UsageError("backup needs --dir DIR (or BACKUP_DIR set)");
    const keep = values.keep === undefined ? services.config.backup.keep : Number(values.keep);
    if (!Number.isInteger(keep) || keep < 1) throw new UsageError("--keep must be a whole number of 1 or more");
    const { path, counts, removed } = await runBackup(services.archive, { dir, keep });
    const older = removed.length ? ` Removed ${removed.length} older backup${removed.length === 1 ? "" : "s"}.` : "";
    console.log(`Wrote ${path}: ${printCounts(counts)}.${older}`);
  },
  async "create-admin"(services, args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
    });
    if (!values.email || !values.password) throw new UsageError("create-admin needs --email and --password");
    const admin = await createAdmin(services, { email: values.email, password: values.password, name: values.name });
    console.log(`${admin.email} is an administrator and can log in.`);
  },
  async approve(services, args) {
    const { positionals } = parseArgs({ args, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError("approve needs one EMAIL");
    const member = await approveMember(services.approval, positionals[0]!, null);
    console.log(`${member.email} is approved.`);
  },
  async reject(services, args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { reason: { type: "string" } },
    });
    if (positionals.length !== 1) throw new UsageError("reject needs one EMAIL");
    const member = await rejectMember(services.approval, positionals[0]!, values.reason ?? null, null);
    console.log(`${member.email} is rejected.`);
  },
  async users(services, args) {
    const { values } = parseArgs({ args, options: { pending: { type: "boolean" }, status: { type: "string" } } });
    const status = (values.pending ? "pending" : values.status) as MemberStatus | undefined;
    if (status && !["pending", "approved", "rejected"].includes(status))
      throw new UsageError("--status must be pending, approved or rejected");
    const { members, total } = await services.members.list({ status, limit: 10_000, offset: 0 });
    if (total === 0) {
      console.log(status ? `No ${status} members.` : "No members yet.");
      return;
    }
    for (const m of members) {
      const flags = [
        m.role === "admin" ? "admin" : "",
        m.banned ? "banned" : "",
        m.emailVerified ? "" : "email not confirmed",
      ]
        .filter(Boolean)
        .join(", ");
      console.log(`${m.email}\t${m.status}\t${m.name}${flags ? `\t(${flags})` : ""}`);
    }
  },
};

class UsageError extends Error {}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  if (name === "doctor") {
    try {
      return await doctor();
    } catch (error) {
      console.error(
        error instanceof ConfigError
          ? error.message
          : `chitfunds doctor failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return 1;
    }
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command: ${name}\n\n${USAGE}`);
    return 2;
  }
  let services: Services | undefined;
  try {
    const config = loadConfig();
    // restore is the way out of an empty or damaged database file: once the archive is known to be whole, the file is
    // set aside (kept as chitfunds.db.damaged-<time>) instead of stopping the command.
    const restoring = name === "restore" && args.length === 1 && !args[0]!.startsWith("-");
    if (restoring) await localArchiveFiles.open(args[0]!);
    services = await composeServices(config, {
      log: pino({ level: process.env.LOG_LEVEL ?? "warn" }),
      setAsideDamagedDatabase: restoring,
    });
    await command(services, args);
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof StoreRefusedError) {
      for (const line of checkLines(operatorT, assess(error.report))) console.error(line);
      return 1;
    }
    if (error instanceof AppError || error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    console.error(`chitfunds ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await services?.close();
  }
}

process.exitCode = await run(process.argv.slice(2));
