/** One serialized record on its way out: the Kafka key and the JSON value. */
export interface OutRecord {
  readonly key: string;
  readonly value: string;
}

/** Where the feed writes: Kafka or JSON Lines files. */
export interface EventSink {
  open(): Promise<void>;
  /** Writes a batch in order; resolves when it is durably handed over. */
  write(stream: 'backlog' | 'live', records: readonly OutRecord[]): Promise<void>;
  close(): Promise<void>;
}
