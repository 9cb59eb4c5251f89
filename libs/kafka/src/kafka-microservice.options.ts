import { type KafkaOptions, Transport } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';

import { DEFAULT_PARTITIONS } from '@loanmesh/contracts';

/**
 * Options for a service's Nest Kafka transport: raw bytes reach the handler (so a dead
 * letter keeps the original), and session/heartbeat settings tolerate slow batches.
 */
export function kafkaMicroserviceOptions(
  brokers: string[],
  clientId: string,
  groupId: string,
  fromBeginning = true,
): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      client: { clientId, brokers, retry: { initialRetryTime: 200, retries: 8 } },
      consumer: {
        groupId,
        sessionTimeout: 30000,
        heartbeatInterval: 3000,
        allowAutoTopicCreation: false,
        maxWaitTimeInMs: 100,
      },
      producer: { createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false },
      subscribe: { fromBeginning },
      run: { partitionsConsumedConcurrently: DEFAULT_PARTITIONS },
      parser: { keepBinary: true },
      postfixId: '',
    },
  };
}
