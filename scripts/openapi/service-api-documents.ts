import 'reflect-metadata';

import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';

import { loadConfig, LOCAL_ENV } from '@loanmesh/config';
import { type ApiDocsOptions, buildApiDocument } from '@loanmesh/observability';

import { graphApiDocs } from '../../apps/graph/src/api-docs/graph-api-docs';
import { GraphAppModule } from '../../apps/graph/src/app.module';
import { graphConfigShape } from '../../apps/graph/src/config/graph.config';
import { inferenceApiDocs } from '../../apps/inference/src/api-docs/inference-api-docs';
import { InferenceAppModule } from '../../apps/inference/src/app.module';
import { inferenceConfigShape } from '../../apps/inference/src/config/inference.config';
import { ingestionApiDocs } from '../../apps/ingestion/src/api-docs/ingestion-api-docs';
import { IngestionAppModule } from '../../apps/ingestion/src/app.module';
import { ingestionConfigShape } from '../../apps/ingestion/src/config/ingestion.config';
import { reviewApiDocs } from '../../apps/review/src/api-docs/review-api-docs';
import { ReviewAppModule } from '../../apps/review/src/app.module';
import { reviewConfigShape } from '../../apps/review/src/config/review.config';

export const API_SERVICES = ['ingestion', 'graph', 'inference', 'review'] as const;
export type ApiService = (typeof API_SERVICES)[number];

/** A fixed environment: the document never depends on the machine that writes it. */
const envOf = (service: ApiService): Record<string, string> => ({
  ...LOCAL_ENV,
  HTTP_PORT: '1',
  SERVICE_NAME: service,
  KAFKA_CLIENT_ID: service,
  KAFKA_GROUP_ID: service,
  API_DOCS_ENABLED: 'true',
  // Never used: preview mode builds no provider. Set only so no weak-secret warning is printed.
  JWT_SECRET: '5c0f9e2d7b4a41c8a3e6f1d9b2c7e4a0',
  PII_HASH_KEY: '9d3b7e1f4c2a48e6b0f5a3c9d7e1b4f2',
});

function serviceOf(service: ApiService): { module: DynamicModule; docs: ApiDocsOptions } {
  switch (service) {
    case 'ingestion': {
      const config = loadConfig(ingestionConfigShape, envOf(service));
      return { module: IngestionAppModule.forRoot(config), docs: ingestionApiDocs(config) };
    }
    case 'graph': {
      const config = loadConfig(graphConfigShape, envOf(service));
      return { module: GraphAppModule.forRoot(config), docs: graphApiDocs(config) };
    }
    case 'inference': {
      const config = loadConfig(inferenceConfigShape, envOf(service));
      return { module: InferenceAppModule.forRoot(config), docs: inferenceApiDocs(config) };
    }
    case 'review': {
      const config = loadConfig(reviewConfigShape, envOf(service));
      return { module: ReviewAppModule.forRoot(config), docs: reviewApiDocs(config) };
    }
  }
}

/**
 * The service's app in Nest's preview mode: its modules and controllers are scanned but no
 * provider is built, so nothing connects to Kafka, Neo4j or PostgreSQL.
 */
export async function withPreviewApp<T>(
  service: ApiService,
  use: (app: INestApplication, docs: ApiDocsOptions) => T | Promise<T>,
): Promise<T> {
  const { module, docs } = serviceOf(service);
  const app = await NestFactory.create(module, { preview: true, logger: ['error'] });
  try {
    return await use(app, docs);
  } finally {
    await app.close();
  }
}

/** The OpenAPI document `/docs/json` serves, built without connecting to anything. */
export const serviceApiDocument = (service: ApiService): Promise<OpenAPIObject> =>
  withPreviewApp(service, (app, docs) => buildApiDocument(app, docs));
