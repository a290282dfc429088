// How production runs the app, in one place: plain `node` with these options on dist/main.js, with this environment.
// The Dockerfile, render.yaml, the systemd units, the Kubernetes Deployment, `npm start` and `npm run bench` all use
// them (test/deployment.test.ts keeps the files in step).
//  - --max-semi-space-size=4: V8's young generation stays at 3 x 4 MB instead of growing to 3 x 16 MB under load;
//    short-lived request garbage is collected a little more often, and the server holds ~40 MB less.
//  - MALLOC_*: glibc's allocator otherwise keeps a growing arena per libvips thread and never hands back the memory a
//    12 MP photo took; with these, processing receipts leaves the server ~150 MB smaller (measured by the bench).
export const NODE_ARGS = ["--max-semi-space-size=4"];
export const ENTRY = "dist/main.js";
export const ENV = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "65536", MALLOC_TRIM_THRESHOLD_: "131072" };
