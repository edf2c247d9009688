# syntax=docker/dockerfile:1
# Meldpunt services: one image per app, chosen with the build arg APP
# (intake | risk-assessment | communication | scheduling | console).
#   docker build --build-arg APP=intake -t meldpunt/intake .
# Stages: deps (all npm deps) -> build (swc: TypeScript -> dist/) -> prod-deps (npm ci --omit=dev) -> runtime.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# --- all dependencies (build tooling included) ---------------------------------------------------
FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# --- compile every app and lib with swc (node tools/build.mjs) --------------------------------------
FROM deps AS build
COPY tsconfig.base.json tsconfig.json .swcrc ./
COPY tools ./tools
COPY libs ./libs
COPY apps ./apps
RUN node tools/build.mjs

# --- runtime dependencies only ------------------------------------------------------------------------
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# --- runtime: one app ---------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG APP
RUN case "${APP}" in \
      intake|risk-assessment|communication|scheduling|console) ;; \
      *) echo "build arg APP must be one of: intake risk-assessment communication scheduling console (got '${APP}')" >&2; exit 1 ;; \
    esac
WORKDIR /app
ENV NODE_ENV=production \
    APP=${APP} \
    HOST=0.0.0.0
# Files stay root-owned (read-only for the service user).
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist ./dist
# The console serves its page from apps/console/web (found by walking up from dist/apps/console/src).
COPY apps/console/web ./apps/console/web
USER node
EXPOSE 3000 3001 3002 3003 3004
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `exec` replaces the shell with node, so node itself receives SIGTERM (Nest shutdown hooks).
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
