# ChitFunds Ledger: one Node.js 24 image that runs the compiled app as a single plain `node` process.
#   docker build -t chitfunds-ledger .
#   docker run -p 3000:3000 -v chitfunds-data:/data chitfunds-ledger
# See DEPLOYMENT.md (Docker) for settings, MongoDB and backups.

# Stage 1: install everything, bundle src/ into dist/ (plain JavaScript), then drop the dev dependencies and the
# TypeScript sources. Every native part (sharp) comes as a prebuilt package for this platform, so no compiler is needed.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# What is copied is decided by .dockerignore (tests, data, secrets and git history stay out).
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund && rm -rf src tsconfig.json && npm cache clean --force

# Stage 2: the runtime image.
FROM node:24-slim
# MALLOC_*: glibc's allocator would otherwise keep the memory every receipt photo took (scripts/production.mjs).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=65536 \
    MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
# The code stays owned by root and read-only for the app; only /data is writable by the unprivileged user
# (the image's own "node" user, uid 1000). A named volume mounted on /data inherits that ownership.
# Noto Sans for the PDFs' Telugu, Tamil, Malayalam, Kannada and Devanagari text (statements, annual summary).
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-noto-core \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /data && chown node:node /data
COPY --from=build /app ./
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness only (/healthz): a MongoDB outage shows on /readyz without the container being restarted for it.
# The slim image has no curl, so Node's own fetch does the check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# One plain Node process on the compiled code: PID 1 gets SIGTERM itself and the app closes the server and the store
# within 10 s. No npm, shell or TypeScript loader stays resident (`npm start` would add two processes and ~100 MB).
# --max-semi-space-size=4 keeps V8's young generation small (scripts/production.mjs says why).
CMD ["node", "--max-semi-space-size=4", "dist/main.js"]
