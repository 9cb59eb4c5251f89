# One image for every LoanMesh service; APP picks which one runs (ingestion, graph, inference, review).
FROM node:20-bookworm-slim
ENV ONNXRUNTIME_NODE_INSTALL=skip NODE_ENV=production KAFKAJS_NO_PARTITIONER_WARNING=1
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY tsconfig.json .swcrc ./
COPY scripts ./scripts
COPY libs ./libs
COPY apps ./apps
COPY graph ./graph
COPY models ./models
ARG APP
ENV APP=${APP}
USER node
# exec: node becomes PID 1 and receives SIGTERM itself (the shell would not pass it on).
CMD ["sh", "-c", "exec node scripts/run-ts.cjs apps/${APP}/src/main.ts"]
