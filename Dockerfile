# ml-interviewer: the bots (Discord, Slack) in a container. Multi-stage: the build stage has the
# compilers a native module may need (sqlite3 when no prebuilt binary fits); the runtime stage
# has only Node, the production dependencies and the sources, and runs as the unprivileged
# `node` user. TypeScript runs through tsx's loader (a production dependency), so there is no
# separate compile step. See README "Run at scale".

FROM node:20-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_PATH=/app/data/ml-interviewer.sqlite
WORKDIR /app
# The code and dependencies stay owned by root (readable, not writable, by `node`): the bot
# writes only to /app/data (the sqlite store) and the system's temporary folder.
COPY --from=build /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY src ./src
COPY knowledge ./knowledge
COPY prompts ./prompts
COPY bin ./bin
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# /healthz answers on PORT in the bot modes (HEALTH_PORT when set).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# One process (no npm, no shell) so SIGTERM reaches the bot: it finishes or cuts the turns in
# flight within SHUTDOWN_TIMEOUT_MS (10 s) and exits; compose's stop_grace_period is longer.
CMD ["node", "--import", "tsx", "src/main.ts"]
