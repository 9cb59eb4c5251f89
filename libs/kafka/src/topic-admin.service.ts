import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';

import { DEFAULT_PARTITIONS, TOPIC_SETTINGS } from '@loanmesh/contracts';

import { KAFKA_CLIENT } from './kafka.tokens';

/** Creates topics up front: auto-creation races with KafkaJS consumers on KRaft. */
@Injectable()
export class TopicAdminService {
  private readonly logger = new Logger(TopicAdminService.name);

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {}

  async ensureTopics(topics: readonly string[], partitions = DEFAULT_PARTITIONS): Promise<string[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = [...new Set(topics)].filter((t) => !existing.has(t));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => {
            const settings = TOPIC_SETTINGS[topic];
            return {
              topic,
              numPartitions: settings?.partitions ?? partitions,
              replicationFactor: 1,
              configEntries: Object.entries(settings?.config ?? {}).map(([name, value]) => ({ name, value })),
            };
          }),
        });
        this.logger.log({ msg: 'created topics', topics: missing });
      }
      return missing;
    } finally {
      await admin.disconnect();
    }
  }

  async describeCluster(): Promise<{ clusterId: string; brokers: number }> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const c = await admin.describeCluster();
      return { clusterId: c.clusterId, brokers: c.brokers.length };
    } finally {
      await admin.disconnect();
    }
  }
}
