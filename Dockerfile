# One image for every LoanMesh service; APP picks which one runs (ingestion, graph, inference, review).
# Build stage: the full toolchain compiles TypeScript (npm run build) and scripts/release.sh lays
# out the release (dist/, models, production dependencies only): the steps
# test/e2e/compiled-build.e2e-spec.ts boots services from.
FROM node:26-bookworm-slim AS build
ENV ONNXRUNTIME_NODE_INSTALL=skip
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY libs ./libs
COPY apps ./apps
COPY graph ./graph
COPY models ./models
RUN bash scripts/build.sh && bash scripts/release.sh /release

# Runtime stage: JavaScript and production dependencies, no TypeScript toolchain.
FROM node:26-bookworm-slim
ENV NODE_ENV=production KAFKAJS_NO_PARTITIONER_WARNING=1
WORKDIR /app
COPY --from=build --chown=node:node /release /app
ARG APP
RUN test -n "$APP" && test -f "dist/apps/$APP/src/main.js" && ln -s "dist/apps/$APP/src/main.js" main.js
USER node
# Exec form: node is PID 1 and receives SIGTERM itself (graceful shutdown, docs/operations.md).
CMD ["node", "main.js"]
