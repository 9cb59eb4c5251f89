import { Logger } from '@nestjs/common';
import { Kafka, type KafkaConfig, logLevel, type LogEntry, type RetryOptions } from 'kafkajs';

/**
 * Where and how to connect: brokers plus TLS and SASL as KafkaJS takes them. A validated
 * `KafkaConnection` (`kafkaConnectionOf(config)` in @loanmesh/config) is one.
 */
export type KafkaClientConnection = Pick<KafkaConfig, 'ssl' | 'sasl'> & { brokers: string[] };

export interface KafkaClientTuning {
  /** Default WARN through the service's JSON logger; tools and tests pass NOTHING. */
  logLevel?: logLevel;
  retry?: RetryOptions;
}

/**
 * The one place a KafkaJS client is constructed (services, Nest transports, tools, tests,
 * benchmarks), so TLS and SASL settings cannot be forgotten on one path. Log lines go
 * through the service's JSON logger.
 */
export function createKafkaClient(
  connection: KafkaClientConnection,
  clientId: string,
  tuning: KafkaClientTuning = {},
): Kafka {
  const logger = new Logger('KafkaJS');
  return new Kafka({
    brokers: connection.brokers,
    ssl: connection.ssl,
    sasl: connection.sasl,
    clientId,
    logLevel: tuning.logLevel ?? logLevel.WARN,
    retry: tuning.retry ?? { initialRetryTime: 200, retries: 8 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        const line = { msg: message, ...extra };
        if (level <= logLevel.ERROR) {
          logger.error(line);
        } else {
          logger.warn(line);
        }
      },
  });
}
