import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';

import { ConsumerHealthRegistry } from './consumer-health.registry';
import { GlobalExceptionFilter } from './global-exception.filter';
import { JsonLogger } from './json-logger.service';

export interface ServiceBootstrapOptions {
  name: string;
  port: number;
  host: string;
  logLevel: string;
  /** Nest Kafka transport options when the service consumes topics. */
  kafka?: MicroserviceOptions;
}

/**
 * Starts a service the same way everywhere: JSON logs, the exception filter, HTTP for
 * health/metrics/API, and the Kafka transport; shuts down cleanly on SIGTERM.
 */
export async function bootstrapService(module: DynamicModule, o: ServiceBootstrapOptions): Promise<INestApplication> {
  const logger = new JsonLogger(o.name, o.logLevel);
  const app = await NestFactory.create(module, { logger, bufferLogs: true });
  app.useLogger(logger);
  app.useGlobalFilters(new GlobalExceptionFilter());
  app.enableShutdownHooks();
  // Init hooks (migrations, model loading, topic creation) finish before any message is consumed.
  await app.init();
  if (o.kafka) {
    app.connectMicroservice<MicroserviceOptions>(o.kafka, { inheritAppConfig: true });
    app.get(ConsumerHealthRegistry).registerStrategy(o.kafka);
    await app.startAllMicroservices();
  }
  await app.listen(o.port, o.host);
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
