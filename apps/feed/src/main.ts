import { kafkaConnectionOf, loadConfig } from '@loanmesh/config';

import { buildFeedCommand, FeedArgumentError, parseFeedArgs } from './cli/feed-cli';
import { FeedRunnerService } from './feed/feed-runner.service';
import type { EventSink } from './publishing/event-sink';
import { JsonlFileSink } from './publishing/jsonl-file.sink';
import { KafkaEventSink } from './publishing/kafka-event.sink';
import { feedKafkaConfigShape } from './config/feed-kafka.config';

async function main(argv: readonly string[]): Promise<number> {
  const command = buildFeedCommand();
  let options;
  try {
    options = parseFeedArgs(argv, command);
  } catch (error: unknown) {
    if (error instanceof FeedArgumentError) {
      console.error(`feed: ${error.message} (see --help)`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    // Commander has already printed the help text.
    return 0;
  }
  const sink: EventSink = options.out
    ? new JsonlFileSink(options.out)
    : // --brokers names the brokers; TLS and SASL come from the environment like every service's.
      new KafkaEventSink(
        kafkaConnectionOf({ ...loadConfig(feedKafkaConfigShape), KAFKA_BROKERS: [...options.brokers] }),
      );
  await new FeedRunnerService(options, sink).run();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`feed: failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
