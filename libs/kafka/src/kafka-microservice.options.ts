import { type KafkaOptions, Transport } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';

import { DEFAULT_PARTITIONS } from '@loanmesh/contracts';

import { CONSUMER_FETCH_WAIT_MS, CONSUMER_SESSION } from './consumer-session';
import type { KafkaClientConnection } from './kafka-client.factory';

/**
 * Options for a service's Nest Kafka transport: raw bytes reach the handler (so a dead
 * letter keeps the original), and the group session fails over fast (CONSUMER_SESSION).
 */
export function kafkaMicroserviceOptions(
  connection: KafkaClientConnection,
  clientId: string,
  groupId: string,
  fromBeginning = true,
): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      client: {
        clientId,
        brokers: connection.brokers,
        ssl: connection.ssl,
        sasl: connection.sasl,
        retry: { initialRetryTime: 200, retries: 8 },
      },
      consumer: {
        groupId,
        ...CONSUMER_SESSION,
        allowAutoTopicCreation: false,
        maxWaitTimeInMs: CONSUMER_FETCH_WAIT_MS,
      },
      producer: { createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false },
      subscribe: { fromBeginning },
      run: { partitionsConsumedConcurrently: DEFAULT_PARTITIONS },
      parser: { keepBinary: true },
      postfixId: '',
    },
  };
}
