import { join } from 'node:path';

import type { Kafka } from 'kafkajs';

import { ALL_TOPICS, DEFAULT_PARTITIONS, DeadLetterTopics, Topics } from '@loanmesh/contracts';
import {
  createTestDatabase,
  type ServiceProcess,
  startServiceProcess,
  TEST_INFRA_ENV,
  type TestDatabase,
  waitForStableGroups,
  waitUntilReady,
} from '@loanmesh/testing';

import { highWatermarks, type TopicWindow } from './topic-window';
import type { ServiceName } from './topic-observer';

/** One consumer of one topic: the service, its group, and the window of records it is accountable for. */
export interface ConsumerSpec {
  service: ServiceName;
  topic: string;
  groupId: string;
}

const HEAP_MIB: Record<ServiceName, number> = { ingestion: 512, graph: 1024, inference: 512, review: 512 };

/** The four services as real processes on their own database and consumer groups, with every group placed at the topics' ends. */
export class FuzzStack {
  readonly services = new Map<ServiceName, ServiceProcess>();
  readonly consumers: ConsumerSpec[];
  readonly windows = new Map<string, TopicWindow>();
  db?: TestDatabase;

  constructor(
    private readonly kafka: Kafka,
    private readonly run: string,
    readonly ports: Record<ServiceName, number>,
  ) {
    const g = (s: string): string => `${run}-${s}`;
    this.consumers = [
      { service: 'ingestion', topic: Topics.coreBankingEvents, groupId: g('ingestion') },
      { service: 'graph', topic: Topics.domainEvents, groupId: g('graph-writer') },
      { service: 'graph', topic: Topics.applicationReceived, groupId: g('graph') },
      { service: 'inference', topic: Topics.graphFeaturesComputed, groupId: g('inference') },
      { service: 'review', topic: Topics.applicationScored, groupId: g('review') },
      { service: 'review', topic: Topics.applicationIncomplete, groupId: g('review') },
      { service: 'review', topic: Topics.domainEvents, groupId: g('review') },
    ];
  }

  url(service: ServiceName): string {
    return `http://127.0.0.1:${this.ports[service]}`;
  }

  logFile(service: ServiceName): string {
    return join(__dirname, '..', '..', 'test-results', 'services', `${service}-${this.ports[service]}.log`);
  }

  async start(dbPrefix: string): Promise<void> {
    this.db = await createTestDatabase(dbPrefix);
    await this.placeGroupsAtEnd();
    const common = {
      ...TEST_INFRA_ENV,
      KAFKA_FROM_BEGINNING: 'false',
      DATABASE_URL: this.db.url,
      PII_HASH_KEY: 'fuzz-test-key-0123456789',
      GRAPH_WRITER_GROUP_ID: `${this.run}-graph-writer`,
      GRAPH_BASE_URL: this.url('graph'),
      INFERENCE_BASE_URL: this.url('inference'),
      INGESTION_BASE_URL: this.url('ingestion'),
      LOG_LEVEL: 'warn',
    };
    // The graph first, alone: its boot-time Neo4j reads have short timeouts that a machine
    // busy starting three other services can miss (it then exits).
    for (const wave of [['graph'], ['ingestion', 'inference', 'review']] as ServiceName[][]) {
      const started = wave.map((name) => {
        const env = { ...common, KAFKA_CLIENT_ID: `${this.run}-${name}`, KAFKA_GROUP_ID: `${this.run}-${name}` };
        const service = startServiceProcess(name, this.ports[name], env, HEAP_MIB[name]);
        this.services.set(name, service);
        return service;
      });
      await Promise.all(started.map((s) => readyOrExited(s)));
    }
    await waitForStableGroups(this.kafka, [...new Set(this.consumers.map((c) => c.groupId))], 180_000);
  }

  /**
   * Creates missing topics, then commits every group at each topic's current end: a run counts
   * exactly the records after that point, whatever earlier runs left on a shared broker.
   */
  private async placeGroupsAtEnd(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = ALL_TOPICS.filter((t) => !existing.has(t));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: DEFAULT_PARTITIONS })),
        });
      }
      const topics = [...new Set([...this.consumers.map((c) => c.topic), DeadLetterTopics.ingestion])];
      for (const topic of topics) {
        const start = await settledHighWatermarks(admin, topic);
        this.windows.set(topic, { topic, start, end: new Map(start) });
        const partitions = [...start].map(([partition, o]) => ({ partition, offset: o.toString() }));
        const groups = new Set(this.consumers.filter((c) => c.topic === topic).map((c) => c.groupId));
        if (topic === DeadLetterTopics.ingestion) {
          groups.add(`${this.run}-ingestion`);
        }
        for (const groupId of groups) {
          await admin.setOffsets({ groupId, topic, partitions });
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  /** Stops every service (SIGTERM, then SIGKILL after 15 s) and drops the database. */
  async stop(keepDatabase = false): Promise<void> {
    await Promise.allSettled([...this.services.values()].map((s) => s.stop()));
    if (!keepDatabase) {
      await this.db?.drop();
    }
  }
}

/** Ready, or fails as soon as the process exits (instead of polling a dead process until the deadline). */
async function readyOrExited(service: ServiceProcess): Promise<void> {
  let onExit: (() => void) | undefined;
  const exited = new Promise<never>((_, reject) => {
    onExit = () => reject(new Error(`${service.name} exited during start-up: see its log`));
    service.child.once('exit', onExit);
  });
  try {
    await Promise.race([waitUntilReady(service, 300_000), exited]);
  } finally {
    service.child.off('exit', onExit!);
  }
}

/** A topic created a moment ago may not have a leader on every metadata path yet: retry briefly. */
async function settledHighWatermarks(
  admin: Parameters<typeof highWatermarks>[0],
  topic: string,
): Promise<Map<number, bigint>> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await highWatermarks(admin, topic);
    } catch (e) {
      if (Date.now() > deadline) {
        throw e;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}
