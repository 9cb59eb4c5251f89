import type { Kafka } from 'kafkajs';

import { waitForStableGroups } from './kafka-test-client';
import { type ServiceLaunch, type ServiceProcess, startServiceProcess, waitUntilReady } from './service-process';
import { TEST_INFRA_ENV } from './test-infra';

export const PIPELINE_SERVICES = ['ingestion', 'graph', 'inference', 'review'] as const;
export type PipelineServiceName = (typeof PIPELINE_SERVICES)[number];

export interface PipelineServices {
  services: ServiceProcess[];
  /** Consumer group of each service's transport, and the graph writer's. */
  groups: Record<PipelineServiceName, string>;
  writerGroup: string;
  stop(): Promise<void>;
}

/**
 * The four services as real processes on the tests' Kafka and Neo4j, wired to each other,
 * with groups and client ids of their own (`<run>-<service>`) so they never share work with
 * another test or a local stack. Resolves once every service is ready and its groups stable.
 */
export async function startPipelineServices(options: {
  run: string;
  ports: Record<PipelineServiceName, number>;
  databaseUrl: string;
  kafka: Kafka;
  launch?: ServiceLaunch;
  env?: Record<string, string>;
}): Promise<PipelineServices> {
  const { run, ports } = options;
  const groups = Object.fromEntries(PIPELINE_SERVICES.map((s) => [s, `${run}-${s}`])) as Record<
    PipelineServiceName,
    string
  >;
  const writerGroup = `${run}-graph-writer`;
  const common = {
    ...TEST_INFRA_ENV,
    KAFKA_FROM_BEGINNING: 'false',
    DATABASE_URL: options.databaseUrl,
    PII_HASH_KEY: 'pipeline-test-key-0123456789',
    GRAPH_WRITER_GROUP_ID: writerGroup,
    GRAPH_BASE_URL: `http://127.0.0.1:${ports.graph}`,
    INFERENCE_BASE_URL: `http://127.0.0.1:${ports.inference}`,
    INGESTION_BASE_URL: `http://127.0.0.1:${ports.ingestion}`,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const services = PIPELINE_SERVICES.map((name) =>
    startServiceProcess(
      name,
      ports[name],
      { ...common, KAFKA_CLIENT_ID: `${run}-${name}`, KAFKA_GROUP_ID: groups[name] },
      512,
      undefined,
      options.launch,
    ),
  );
  const stop = async (): Promise<void> => {
    await Promise.all(services.map((s) => s.stop()));
  };
  try {
    await Promise.all(services.map((s) => waitUntilReady(s)));
    await waitForStableGroups(options.kafka, [...Object.values(groups), writerGroup]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { services, groups, writerGroup, stop };
}
