import 'reflect-metadata';

import { loadConfig } from '@loanmesh/config';
import { batchConsumerTransport } from '@loanmesh/kafka';
import { bootstrapService, exitOnBootFailure } from '@loanmesh/observability';

import { GraphAppModule } from './app.module';
import { graphConfigShape } from './config/graph.config';

async function main(): Promise<void> {
  const config = loadConfig(graphConfigShape);
  await bootstrapService(GraphAppModule.forRoot(config), {
    name: config.SERVICE_NAME,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logLevel: config.LOG_LEVEL,
    kafka: batchConsumerTransport(
      config.KAFKA_BROKERS,
      config.KAFKA_CLIENT_ID,
      config.KAFKA_GROUP_ID,
      config.KAFKA_FROM_BEGINNING,
    ),
  });
}

main().catch(exitOnBootFailure('graph'));
