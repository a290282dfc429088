// `npm start`: compiles the app when the sources changed since the last build, then runs dist/main.js in this process.
import { ensureBuilt } from "./build.mjs";

ensureBuilt();
await import("../dist/main.js");
