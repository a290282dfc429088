// A local HTTP server for channel tests: records every request (method, path, headers, body) and answers as told.
import { createServer, type IncomingHttpHeaders } from "node:http";

export type CapturedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

export async function startHttpCapture(reply: { status: number; body: string } = { status: 200, body: "{}" }) {
  const requests: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(capture.reply.status, { "content-type": "application/json" });
      res.end(capture.reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const capture = {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return capture;
}
