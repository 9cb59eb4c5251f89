import type { Server, ServerResponse } from 'node:http';

import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomStrategy, MicroserviceOptions } from '@nestjs/microservices';

import type { ApiDocsOptions } from './api-docs/api-docs.options';
import { serveApiDocs } from './api-docs/api-docs.setup';
import { ConsumerHealthRegistry } from './consumer-health.registry';
import { GlobalExceptionFilter } from './global-exception.filter';
import { JsonLogger } from './json-logger.service';
import { GracefulShutdownService } from './shutdown/graceful-shutdown.service';
import { handleShutdownSignals } from './shutdown/shutdown-signal.handler';

export interface ServiceBootstrapOptions {
  name: string;
  port: number;
  host: string;
  logLevel: string;
  /** The Kafka transport (a batch-consuming server) when the service consumes topics. */
  kafka?: CustomStrategy;
  /** The service's API description, served at `/docs` and `/docs/json` when enabled. */
  apiDocs?: ApiDocsOptions;
  /** Install the SIGTERM/SIGINT drain (default true; in-process tests close the app themselves). */
  handleSignals?: boolean;
}

/**
 * Starts a service the same way everywhere: JSON logs, the exception filter, HTTP for
 * health/metrics/API, and the Kafka transport; drains on SIGTERM (see shutdown-phase.ts).
 *
 * Why not Nest's `enableShutdownHooks`: Nest runs `onModuleDestroy` (producer, Neo4j driver,
 * outbox relay) before it closes the microservices, so the batch in flight ran against
 * closed clients, and it then re-raises the signal, so the process never exits 0. Here the
 * Kafka transport is stopped first (in-flight batch finished, offsets committed), then
 * background work, then the outbox flush, and only then `app.close()` with Nest's hooks.
 */
export async function bootstrapService(module: DynamicModule, o: ServiceBootstrapOptions): Promise<INestApplication> {
  const logger = new JsonLogger(o.name, o.logLevel);
  const app = await NestFactory.create(module, { logger, bufferLogs: true });
  app.useLogger(logger);
  app.useGlobalFilters(new GlobalExceptionFilter());
  if (o.apiDocs) {
    // Before init: Nest adds its not-found handler at init, and routes added later never match.
    serveApiDocs(app, o.apiDocs);
  }
  // Init hooks (migrations, model loading, topic creation) finish before any message is consumed.
  await app.init();
  const shutdown = app.get(GracefulShutdownService);
  if (o.handleSignals ?? true) {
    const detach = handleShutdownSignals({
      shutdown,
      log: { log: (e) => logger.log(e, 'Shutdown'), warn: (e) => logger.warn(e, 'Shutdown') },
    });
    shutdown.onClosed(detach);
  }
  if (o.kafka) {
    const transport = o.kafka.strategy;
    // ServerKafka.close disconnects its consumer: KafkaJS stops fetching, lets the batch in
    // flight finish (KafkaBatchServer stops between chunks), commits the resolved offsets and
    // leaves the group. Nest would only do this after the clients had closed.
    shutdown.register('stop-intake', 'kafka transport', async () => {
      await Promise.resolve(transport.close() as unknown);
    });
    app.connectMicroservice<MicroserviceOptions>(o.kafka, { inheritAppConfig: true });
    app.get(ConsumerHealthRegistry).registerStrategy(o.kafka);
    await app.startAllMicroservices();
  }
  await app.listen(o.port, o.host);
  const server = app.getHttpServer() as Server;
  // While draining, every response asks its client to close the connection: a keep-alive
  // client (a load balancer, a poller) would otherwise hold the HTTP server open at close.
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (shutdown.draining && !res.headersSent) {
      res.setHeader('Connection', 'close');
    }
  });
  shutdown.register('close', 'application (HTTP, Kafka producer, database pool, Neo4j driver)', async () => {
    // Requests still running get a second to answer; then their connections are cut.
    const force = setTimeout(() => server.closeAllConnections(), 1000);
    try {
      await app.close();
    } finally {
      clearTimeout(force);
    }
  });
  logger.log({ msg: 'service started', port: o.port });
  return app;
}

/** Prints why the service cannot start (e.g. a bad variable) and exits non-zero. */
export function exitOnBootFailure(name: string): (e: unknown) => never {
  return (e: unknown) => {
    process.stderr.write(`${name}: cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  };
}
