// Preloaded (node --import) to prove a program reaches no network: every socket, DNS lookup and fetch throws, in the
// main thread and in every worker thread; each thread that loaded this says so on stderr.
import dns from "node:dns";
import net from "node:net";
import { isMainThread } from "node:worker_threads";

const refuse = (what) => () => {
  process.stderr.write(`NETWORK-ATTEMPT ${what}\n`);
  throw new Error(`network access attempted (${what})`);
};
net.Socket.prototype.connect = refuse("socket");
net.connect = refuse("net.connect");
net.createConnection = refuse("net.createConnection");
dns.lookup = refuse("dns.lookup");
dns.promises.lookup = refuse("dns.promises.lookup");
globalThis.fetch = refuse("fetch");
process.stderr.write(`NO-NETWORK ${isMainThread ? "main" : "worker"}\n`);
