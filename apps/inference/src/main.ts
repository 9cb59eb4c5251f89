import 'reflect-metadata';

import { kafkaConnectionOf, loadConfig } from '@loanmesh/config';
import { batchConsumerTransport, DEFAULT_BATCH_CHUNK, retryBackoffOf } from '@loanmesh/kafka';
import { bootstrapService, exitOnBootFailure } from '@loanmesh/observability';

import { inferenceApiDocs } from './api-docs/inference-api-docs';
import { InferenceAppModule } from './app.module';
import { inferenceConfigShape } from './config/inference.config';

async function main(): Promise<void> {
  const config = loadConfig(inferenceConfigShape);
  await bootstrapService(InferenceAppModule.forRoot(config), {
    name: config.SERVICE_NAME,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logLevel: config.LOG_LEVEL,
    apiDocs: inferenceApiDocs(config),
    kafka: batchConsumerTransport(
      kafkaConnectionOf(config),
      config.KAFKA_CLIENT_ID,
      config.KAFKA_GROUP_ID,
      config.KAFKA_FROM_BEGINNING,
      DEFAULT_BATCH_CHUNK,
      retryBackoffOf(config),
    ),
  });
}

main().catch(exitOnBootFailure('inference'));
