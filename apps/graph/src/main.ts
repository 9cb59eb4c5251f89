import 'reflect-metadata';

import { loadConfig } from '@loanmesh/config';
import { bootstrapService, exitOnBootFailure } from '@loanmesh/observability';

import { graphApiDocs } from './api-docs/graph-api-docs';
import { GraphAppModule } from './app.module';
import { graphConfigShape } from './config/graph.config';
import { graphTransport } from './transport/graph-transport';

async function main(): Promise<void> {
  const config = loadConfig(graphConfigShape);
  await bootstrapService(GraphAppModule.forRoot(config), {
    name: config.SERVICE_NAME,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logLevel: config.LOG_LEVEL,
    apiDocs: graphApiDocs(config),
    kafka: graphTransport(config, config.KAFKA_FROM_BEGINNING),
  });
}

main().catch(exitOnBootFailure('graph'));
