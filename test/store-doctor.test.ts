// `chitfunds doctor` and start-up say in plain words what is wrong with the configured store, and how to fix it:
// the real command against a closed port, the test store (SQLite or MongoDB) and, when MONGODB_STANDALONE_TEST_URI
// names one, a standalone MongoDB server; the driver's errors for DNS, auth and Atlas' Network Access list by shape.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionProblem, passwordNeedsEncoding } from "../src/adapters/mongo/connection-problem.ts";
import { assess, checkLines } from "../src/app/check-store.ts";
import { translatorFor } from "../src/i18n/index.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { freePort } from "./support/real-server.ts";
import { childEnv } from "./support/store.ts";

/** A standalone mongod (not a replica set) for the refusal tests: .ci/run starts one, the GitHub workflow too. */
const standaloneUri = process.env.MONGODB_STANDALONE_TEST_URI || undefined;

type Run = { code: number | null; stdout: string; stderr: string; ms: number };

function run(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const doctor = (env: NodeJS.ProcessEnv) => run(["bin/chitfunds.mjs", "doctor"], env);

let t: TestApp;
let emptyDir: string;
beforeAll(async () => {
  t = await startTestApp({ smtp: false });
  emptyDir = mkdtempSync(join(tmpdir(), "chitfunds-doctor-"));
});
afterAll(async () => {
  await t.close();
  rmSync(emptyDir, { recursive: true, force: true });
});

describe("npx chitfunds doctor", () => {
  it("on the store the tests run on: all is well, with the storage used, and exit 0", async () => {
    const result = await doctor(childEnv(t.storeEnv));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("all is well");
    expect(result.stdout).toMatch(/Storage used: \d/);
  }, 60_000);

  it("against a closed port: the connection was refused, what to check, and exit 1", async () => {
    const port = await freePort();
    const result = await doctor(
      childEnv({
        DATA_DIR: emptyDir,
        MONGODB_URI: `mongodb://127.0.0.1:${port}/?replicaSet=rs0`,
        MONGODB_TIMEOUT_SECONDS: "3",
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Nothing answers at 127.0.0.1:${port}: the connection was refused.`);
    expect(result.stdout).toBe("");
  }, 60_000);

  it("with a password whose @ is not percent-encoded: says which characters to encode, and exit 1", async () => {
    const result = await doctor(childEnv({ DATA_DIR: emptyDir, MONGODB_URI: "mongodb://chits:p@ss@127.0.0.1:9/" }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("@ as %40");
    expect(result.stderr).not.toContain("p@ss");
  }, 60_000);

  it.skipIf(!standaloneUri)(
    "against a standalone server: names the replica set and how to make one, and exit 1",
    async () => {
      const result = await doctor(
        childEnv({ DATA_DIR: emptyDir, MONGODB_URI: standaloneUri!, MONGODB_DB: "doctor_standalone" }),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        "MongoDB must be a replica set: Atlas always is; for your own server start mongod " +
          "with --replSet and run rs.initiate()",
      );
    },
    60_000,
  );
});

describe("start-up", () => {
  it.skipIf(!standaloneUri)(
    "on a standalone server exits non-zero within a minute, naming the replica set",
    async () => {
      const env = childEnv({
        DATA_DIR: emptyDir,
        MONGODB_URI: standaloneUri!,
        MONGODB_DB: "start_standalone",
        PORT: String(await freePort()),
      });
      const result = await run(["node_modules/tsx/dist/cli.mjs", "src/main.ts"], env, 60_000);
      expect(result.code).not.toBe(0);
      expect(result.code).not.toBeNull(); // it exited by itself, not killed at the limit
      expect(result.ms).toBeLessThan(60_000);
      expect(result.stderr).toContain("MongoDB must be a replica set");
    },
    70_000,
  );
});

describe("what the driver throws, put in words", () => {
  const en = translatorFor("en");
  const words = (error: unknown, uri: string) =>
    checkLines(
      en,
      assess({ store: "mongodb", description: "x", storage: null, problems: [connectionProblem(error, uri, 10)] }),
    ).join("\n");
  const selectionError = (serverError: Error) =>
    Object.assign(new Error(serverError.message), {
      name: "MongoServerSelectionError",
      reason: { servers: new Map([["host:27017", { error: serverError }]]) },
    });

  it("an Atlas address with a typo: the DNS SRV lookup failed", () => {
    const error = Object.assign(new Error("querySrv ENOTFOUND _mongodb._tcp.cluster0.abcde.mongodb.net"), {
      code: "ENOTFOUND",
    });
    expect(words(error, "mongodb+srv://u:p@cluster0.abcde.mongodb.net/chits")).toMatch(
      /cluster0\.abcde\.mongodb\.net does not exist \(its DNS SRV record/,
    );
  });

  it("a wrong password: MongoDB refused the user name or password, and names the user", () => {
    const error = Object.assign(new Error("bad auth : authentication failed"), {
      name: "MongoServerError",
      code: 8000,
      codeName: "AtlasError",
    });
    const text = words(error, "mongodb+srv://chits:secret@cluster0.abcde.mongodb.net/");
    expect(text).toContain("MongoDB refused the user name or password (chits) at cluster0.abcde.mongodb.net");
    expect(text).not.toContain("secret");
    const coded = Object.assign(new Error("Authentication failed."), {
      name: "MongoServerError",
      code: 18,
      codeName: "AuthenticationFailed",
    });
    expect(words(coded, "mongodb://chits:pa%40ss@db.example.com:27017/")).toContain(
      "refused the user name or password",
    );
  });

  it("no answer from an Atlas cluster: most often this machine's IP is not on the Network Access list", () => {
    const error = selectionError(
      new Error("Client network socket disconnected before secure TLS connection was established"),
    );
    expect(words(error, "mongodb+srv://u:p@cluster0.abcde.mongodb.net/")).toMatch(
      /within 10 s\. Most often this machine's IP address is not on the cluster's Network Access list/,
    );
    expect(words(selectionError(new Error("connection timed out")), "mongodb://db.example.com:27017/")).not.toContain(
      "Network Access",
    );
  });

  it("knows which passwords must be percent-encoded", () => {
    expect(passwordNeedsEncoding("mongodb+srv://chits:p@ss@cluster0.x.mongodb.net/")).toBe(true);
    expect(passwordNeedsEncoding("mongodb://chits:pa:ss@h/")).toBe(true);
    expect(passwordNeedsEncoding("mongodb://chits:pa/ss@h/")).toBe(true);
    expect(passwordNeedsEncoding("mongodb://chits:50%off@h/")).toBe(true);
    expect(passwordNeedsEncoding("mongodb://chits:p%40ss@h/")).toBe(false);
    expect(passwordNeedsEncoding("mongodb://chits:plain@h/db?retryWrites=true")).toBe(false);
    expect(passwordNeedsEncoding("mongodb://h:27017/")).toBe(false);
  });
});
