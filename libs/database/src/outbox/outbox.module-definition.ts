import { ConfigurableModuleBuilder, type Provider, type Type } from '@nestjs/common';

import { KafkaOutboxPublisher, OUTBOX_PUBLISHER, type OutboxPublisher } from './outbox-publisher';

export interface OutboxModuleOptions {
  /** Rows claimed and published per relay transaction (default 500). */
  batchSize?: number;
  /** Pause between polls when the outbox is empty (default 50 ms); `wake()` cuts it short. */
  idlePollMs?: number;
  /**
   * Longest pause after consecutive empty polls (default 1000 ms, never below idlePollMs): the
   * pause doubles from idlePollMs while nothing is found, since an idle relay polling every
   * 50 ms was a steady share of an idle stack's CPU. A process's own writes `wake()` its relay,
   * and a relay that found the lock taken retries after idlePollMs, so only rows from a process
   * that died before relaying wait this long.
   */
  maxIdlePollMs?: number;
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

/** Module-level choices that are classes rather than values. */
export interface OutboxModuleExtras {
  /** The publisher the relay uses (default: straight to Kafka through the service's producer). */
  publisher?: Type<OutboxPublisher>;
  /** Providers the custom publisher needs that are not global. */
  providers?: Provider[];
}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: OUTBOX_MODULE_OPTIONS } =
  new ConfigurableModuleBuilder<OutboxModuleOptions>()
    .setClassMethodName('forRoot')
    .setExtras<OutboxModuleExtras>({ publisher: undefined, providers: undefined }, (definition, extras) => ({
      ...definition,
      providers: [
        ...(definition.providers ?? []),
        ...(extras.providers ?? []),
        { provide: OUTBOX_PUBLISHER, useClass: extras.publisher ?? KafkaOutboxPublisher },
      ],
    }))
    .build();
