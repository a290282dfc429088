# ChitFunds Ledger: one Node.js 24 image that runs the TypeScript sources with tsx (no build step).
#   docker build -t chitfunds-ledger .
#   docker run -p 3000:3000 -v chitfunds-data:/data chitfunds-ledger
# See DEPLOYMENT.md (Docker) for settings, MongoDB and backups.

# Stage 1: production dependencies only. Every native part (sharp, esbuild) comes as a prebuilt package for this
# platform (linux x64 or arm64), so no compiler is needed; the npm cache stays behind in this stage.
FROM node:24-slim AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Stage 2: the runtime image.
FROM node:24-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# The code stays owned by root and read-only for the app; only /data is writable by the unprivileged user
# (the image's own "node" user, uid 1000). A named volume mounted on /data inherits that ownership.
# Noto Sans for the PDFs' Telugu, Tamil, Malayalam, Kannada and Devanagari text (statements, annual summary).
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-noto-core \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /data && chown node:node /data
COPY --from=deps /app/node_modules ./node_modules
# What is copied is decided by .dockerignore (tests, data, secrets and git history stay out).
COPY . .
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness only (/healthz): a MongoDB outage shows on /readyz without the container being restarted for it.
# The slim image has no curl, so Node's own fetch does the check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# tsx runs in-process (node --import tsx), so Node is PID 1's only process and gets SIGTERM directly; the app then
# closes the server and the store within 10 s. (`npm start` would add three more Node processes: about 170 MB more memory, measured.)
CMD ["node", "--import", "tsx", "src/main.ts"]
