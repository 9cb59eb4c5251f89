import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';

import { KafkaTopicsException } from './kafka-topics.exception';
import { KAFKA_CLIENT } from './kafka.tokens';

/**
 * Checks the service's topics exist. Services never create topics: provisioning does, with
 * the cluster's replication factor and min.insync.replicas (`npm run kafka:provision`, the
 * kafka-provision Job), and their Kafka users are not allowed to.
 */
@Injectable()
export class TopicAdminService {
  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {}

  /** Throws KAFKA_TOPICS_MISSING naming every topic the broker lacks (or hides from this user). */
  async requireTopics(topics: readonly string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = [...new Set(topics)].filter((t) => !existing.has(t)).sort();
      if (missing.length > 0) {
        throw new KafkaTopicsException(
          'KAFKA_TOPICS_MISSING',
          `KAFKA_TOPICS_MISSING: the broker has no topic ${missing.join(', ')} (or this Kafka user may not see it): ` +
            'run `npm run kafka:provision` (Kubernetes: the kafka-provision Job) before the services',
          missing,
        );
      }
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
