import { type Kafka, logLevel } from 'kafkajs';

import { plaintextKafkaConnection } from '@loanmesh/config';
import { Topics } from '@loanmesh/contracts';
import { createKafkaClient } from '@loanmesh/kafka';
import { createTestDatabase, startGroupAtEnd, type TestDatabase } from '@loanmesh/testing';

import { pipelineStages } from '../../scripts/demo/pipeline-lag';
import {
  instanceOf,
  SERVICE_NAMES,
  type ServiceInstance,
  type ServiceName,
  serviceOf,
  ServiceSupervisor,
} from './service-supervisor';
import { TcpFaultProxy } from './tcp-fault.proxy';

/** The links the fault proxies sit on: each service's PostgreSQL connections, and graph's Neo4j. */
export const PROXY_LINKS = ['ingestion-pg', 'inference-pg', 'review-pg', 'graph-neo4j'] as const;
export type ProxyLink = (typeof PROXY_LINKS)[number];
export const PG_LINKS: readonly ProxyLink[] = ['ingestion-pg', 'inference-pg', 'review-pg'];

export interface ChaosStackSpec {
  brokers: string[];
  neo4jPort: number;
  /** Services on base+1..base+4, proxies on base+11..base+14; replica r of a service 20·(r−1) above its first. */
  portBase: number;
  /** Prefix of every consumer group and client id, so nothing is shared with another stack on the broker. */
  groupPrefix: string;
  logDir: string;
  logLevel: string;
  /** Database name prefix (a random suffix is added). */
  databasePrefix: string;
  /** Consumer groups without committed offsets start at the topic's end (a broker shared with other suites). */
  fromEnd: boolean;
}

const PG = { host: '127.0.0.1', port: 5432 };

/**
 * Four services, their own PostgreSQL database, and a fault proxy on every link a scenario
 * may disturb: the services reach PostgreSQL and Neo4j only through the proxies (Kafka
 * directly: a broker advertises its own address, so a proxy would be bypassed).
 */
export class ChaosStack {
  readonly kafka: Kafka;
  readonly proxies: Record<ProxyLink, TcpFaultProxy>;
  readonly supervisor: ServiceSupervisor;
  readonly ports: Record<ServiceName, number>;
  private database?: TestDatabase;

  constructor(
    readonly spec: ChaosStackSpec,
    private readonly log: (line: string) => void,
  ) {
    this.kafka = createKafkaClient(plaintextKafkaConnection(spec.brokers), `${spec.groupPrefix}measure`, {
      logLevel: logLevel.NOTHING,
    });
    this.ports = Object.fromEntries(SERVICE_NAMES.map((s, i) => [s, spec.portBase + 1 + i])) as Record<
      ServiceName,
      number
    >;
    const neo4j = { host: '127.0.0.1', port: spec.neo4jPort };
    this.proxies = Object.fromEntries(
      PROXY_LINKS.map((link, i) => [
        link,
        new TcpFaultProxy(link, spec.portBase + 11 + i, link === 'graph-neo4j' ? neo4j : PG),
      ]),
    ) as Record<ProxyLink, TcpFaultProxy>;
    this.supervisor = new ServiceSupervisor(
      { port: (i) => this.portOf(i), env: (i) => this.serviceEnv(i), logDir: spec.logDir, autoRestart: true },
      log,
    );
  }

  get db(): TestDatabase {
    if (!this.database) {
      throw new Error('the chaos stack has no database yet');
    }
    return this.database;
  }

  /** Its database, the proxies and the four services, ready. */
  async start(): Promise<void> {
    if (this.spec.fromEnd) {
      // Committed offsets from the start: a group restarted before it ever committed on a
      // partition would otherwise begin at the end and skip what arrived while it was down.
      for (const [group, topics] of this.groupTopics()) {
        await startGroupAtEnd(this.kafka, group, topics);
      }
    }
    this.database = await createTestDatabase(this.spec.databasePrefix);
    this.log(`database ${this.database.name}; service logs in ${this.spec.logDir}`);
    await Promise.all(Object.values(this.proxies).map((p) => p.start()));
    SERVICE_NAMES.forEach((s) => this.supervisor.start(s));
    await this.supervisor.waitReady();
  }

  /** Replica `replica` (2, 3, …) of every service, on the same consumer groups as the first; ready. */
  async startReplicas(replica: number): Promise<ServiceInstance[]> {
    const instances = SERVICE_NAMES.map((s) => instanceOf(s, replica));
    instances.forEach((i) => this.supervisor.start(i));
    await this.supervisor.waitReady(instances);
    return instances;
  }

  portOf(instance: ServiceInstance): number {
    const replica = Number(instance.split('#')[1] ?? '1');
    return this.ports[serviceOf(instance)] + 20 * (replica - 1);
  }

  /** Stops what it started; safe to call twice and after a partial start. */
  async stop(keepDatabase = false): Promise<void> {
    await this.supervisor.stopAll();
    await Promise.all(Object.values(this.proxies).map((p) => p.stop()));
    if (this.database && !keepDatabase) {
      await this.database.drop();
      this.database = undefined;
    }
  }

  /** Every consumer group of the four services and the topics it consumes. */
  groupTopics(): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const stage of pipelineStages(this.spec.groupPrefix)) {
      groups.set(stage.group, [...(groups.get(stage.group) ?? []), stage.topic]);
    }
    groups.get(this.group('review'))?.push(Topics.applicationIncomplete);
    return groups;
  }

  group(service: string): string {
    return `${this.spec.groupPrefix}${service}`;
  }

  private pgUrl(link: ProxyLink): string {
    return `postgres://postgres@127.0.0.1:${this.proxies[link].port}/${this.db.name}`;
  }

  serviceEnv(instance: ServiceInstance): Record<string, string> {
    const service = serviceOf(instance);
    const url = (s: ServiceName): string => `http://127.0.0.1:${this.ports[s]}`;
    return {
      KAFKA_BROKERS: this.spec.brokers.join(','),
      KAFKA_CLIENT_ID: this.group(instance.replace('#', '-')),
      KAFKA_GROUP_ID: this.group(service),
      KAFKA_FROM_BEGINNING: this.spec.fromEnd ? 'false' : 'true',
      GRAPH_WRITER_GROUP_ID: this.group('graph-writer'),
      NEO4J_URL: `bolt://127.0.0.1:${this.proxies['graph-neo4j'].port}`,
      DATABASE_URL: service === 'graph' ? this.pgUrl('review-pg') : this.pgUrl(`${service}-pg`),
      PII_HASH_KEY: 'chaos-suite-key-0123456789',
      GRAPH_BASE_URL: url('graph'),
      INFERENCE_BASE_URL: url('inference'),
      INGESTION_BASE_URL: url('ingestion'),
      LOG_LEVEL: this.spec.logLevel,
    };
  }
}
