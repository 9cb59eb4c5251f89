/** Validated options of one feed run (see `npm run feed -- --help`). */
export interface FeedOptions {
  readonly seed: number;
  readonly scale: number;
  readonly brokers: readonly string[];
  /** Write JSON Lines files here instead of publishing to Kafka. */
  readonly out?: string;
  /** Write the labelled history (and truth.json) here. */
  readonly history?: string;
  readonly backlog: boolean;
  /** Live applications per second. */
  readonly rate: number;
  readonly count?: number;
  readonly durationSeconds?: number;
  /** Live stream number; each gives its own application and event ids. */
  readonly liveRun: number;
  /** Share of events that get a fault, 0 to 0.5. */
  readonly faults: number;
  /** Live applications ask for this many times their drawn amount (a drift test; 1 = no shift). */
  readonly shiftAmount?: number;
  readonly summary?: string;
  readonly batchSize: number;
  readonly progress: boolean;
}
