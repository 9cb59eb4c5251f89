import { runKafkaProvision } from './kafka-provision.command';

runKafkaProvision({ out: (l) => console.log(l) }).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`[kafka-provision] ERROR: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
