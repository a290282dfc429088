// Serves the app on the configured port, and also on a Unix socket when SOCKET_PATH is set (hosts such as
// PythonAnywhere's ASGI-style websites start the command and send HTTP to the socket they name).
import { chmodSync, lstatSync, unlinkSync } from "node:fs";
import type { Server } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import type { Config } from "./config.ts";

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

export type Listening = {
  servers: Server[];
  addresses: string[];
  close(done: () => void): void;
  closeIdleConnections(): void;
};

/**
 * A socket file left by a process that died is removed; anything else at that path is left alone (listen then fails).
 */
function removeStaleSocket(path: string) {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

const listen = (server: Server, ...args: [number, string] | [string]) =>
  new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(...(args as [number, string]), () => {
      server.off("error", reject);
      resolve();
    });
  });

export async function listenOn(fetch: Fetch, config: Pick<Config, "port" | "host" | "socketPath">): Promise<Listening> {
  const servers: Server[] = [];
  const addresses: string[] = [];
  if (config.port !== null) {
    const tcp = createAdaptorServer({ fetch }) as Server;
    await listen(tcp, config.port, config.host);
    const address = tcp.address();
    addresses.push(typeof address === "object" && address ? `${config.host}:${address.port}` : String(address));
    servers.push(tcp);
  }
  if (config.socketPath) {
    removeStaleSocket(config.socketPath);
    const unix = createAdaptorServer({ fetch }) as Server;
    await listen(unix, config.socketPath);
    chmodSync(config.socketPath, 0o660); // the host's proxy runs as our user or group, nobody else
    addresses.push(`unix:${config.socketPath}`);
    servers.push(unix);
  }
  return {
    servers,
    addresses,
    close(done) {
      let open = servers.length;
      if (open === 0) done();
      for (const s of servers)
        s.close(() => {
          open -= 1;
          if (open === 0) done();
        });
    },
    closeIdleConnections() {
      for (const s of servers) s.closeIdleConnections();
    },
  };
}
