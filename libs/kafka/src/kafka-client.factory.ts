import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';

/** KafkaJS client whose log lines go through the service's JSON logger. */
export function createKafkaClient(brokers: string[], clientId: string): Kafka {
  const logger = new Logger('KafkaJS');
  return new Kafka({
    brokers,
    clientId,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
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
