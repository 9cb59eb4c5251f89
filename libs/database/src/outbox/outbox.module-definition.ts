import { ConfigurableModuleBuilder } from '@nestjs/common';

export interface OutboxModuleOptions {
  /** Rows claimed and published per relay transaction (default 500). */
  batchSize?: number;
  /** Pause between polls when the outbox is empty (default 50 ms); `wake()` cuts it short. */
  idlePollMs?: number;
  /** Pause after a failed relay round, e.g. broker down (default 1000 ms). */
  errorBackoffMs?: number;
  /** Start relaying at application bootstrap (default true); tests drive `relayOnce` instead. */
  autoStart?: boolean;
  /** Published rows older than this are deleted by the relay (default 24 h). */
  retentionSeconds?: number;
  /** Rows deleted per purge statement (default 5000). */
  purgeBatchSize?: number;
  /** Pause between purges once no more old rows remain (default 60 s). */
  purgeIntervalMs?: number;
  /** Name of the advisory lock that lets one relay per schema run at a time (default the schema). */
  lockName: string;
}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: OUTBOX_MODULE_OPTIONS } =
  new ConfigurableModuleBuilder<OutboxModuleOptions>().setClassMethodName('forRoot').build();
