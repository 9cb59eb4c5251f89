import type { InboundOutcome } from './inbound-processor.service';
import type { DomainException } from '@loanmesh/observability';

/** Where a record came from; the raw table and the duplicate ledger keep it. */
export interface RecordPosition {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
}

/** A validated event with its record position, handed to a batch service. */
export interface InboundItem<T> {
  event: T;
  position: RecordPosition;
}

/** Per item: what happened, or the domain error that dead-letters that item alone. */
export type ItemOutcome = InboundOutcome | DomainException;
