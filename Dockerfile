# syntax=docker/dockerfile:1
#
# hotline image, used by both hotline-api and hotline-worker in
# docker-compose.yml (they differ only in command and environment).

# Node.js 24, an LTS line (supported to April 2028); package.json "engines" names the lines the product runs on
# and runtime/node-support.test.ts checks this image is one of them.
# ---- build: install all dependencies, compile, then drop dev dependencies ----
FROM node:24-bookworm-slim AS build
WORKDIR /app

# Dependencies first so this layer stays cached until the lockfile changes.
COPY package.json package-lock.json ./
RUN npm ci

COPY . .
# Compiles TypeScript into dist/ and bundles workflows into
# dist/workflow-bundle.js (loaded by the worker via WORKFLOW_BUNDLE_PATH).
RUN npm run build \
 && npm prune --omit=dev

# ---- runtime ----
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
# dist/ holds the compiled code, the SQL migrations (dist/db/migrations, beside the migrator that reads them)
# and the pre-built workflow bundle the worker loads (dist/workflow-bundle.js).
COPY --from=build /app/dist ./dist

USER node
EXPOSE 3000
CMD ["node", "dist/runtime/api.js"]
