import 'reflect-metadata';

import { loadConfig } from '@loanmesh/config';
import { bootstrapService, exitOnBootFailure } from '@loanmesh/observability';

import { ingestionApiDocs } from './api-docs/ingestion-api-docs';
import { IngestionAppModule } from './app.module';
import { ingestionConfigShape } from './config/ingestion.config';
import { ingestionTransport } from './transport/ingestion-transport';

async function main(): Promise<void> {
  const config = loadConfig(ingestionConfigShape);
  await bootstrapService(IngestionAppModule.forRoot(config), {
    name: config.SERVICE_NAME,
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    logLevel: config.LOG_LEVEL,
    apiDocs: ingestionApiDocs(config),
    kafka: ingestionTransport(config),
  });
}

main().catch(exitOnBootFailure('ingestion'));
