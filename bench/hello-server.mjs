// The bench's baseline: a bare Hono hello-world on @hono/node-server, started the same way as the app.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono().get("/", (c) => c.text("Hello, world!"));
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3999), hostname: "127.0.0.1" });
process.on("SIGTERM", () => server.close(() => process.exit(0)));
