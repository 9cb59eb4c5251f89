import { SeededRandom, uuidV5 } from '@loanmesh/world';

import type { OutRecord } from '../publishing/event-sink';

export type MalformedKind = 'badJson' | 'missingField' | 'wrongType' | 'unknownType' | 'unknownVersion' | 'oversized';

export interface FaultReport {
  share: number;
  malformed: Record<MalformedKind, number>;
  duplicated: number;
  outOfOrder: number;
  late: number;
  /** Event ids of the duplicated, reordered and late events, for exact checks downstream. */
  eventIds: { duplicated: string[]; outOfOrder: string[]; late: string[] };
}

/** Share of faulty events going to each fault kind; malformed records are split further. */
export const FAULT_MIX = { malformed: 0.4, duplicated: 0.25, outOfOrder: 0.2, late: 0.15 } as const;
const MALFORMED_KINDS: readonly MalformedKind[] = [
  'badJson',
  'badJson',
  'missingField',
  'missingField',
  'wrongType',
  'wrongType',
  'unknownType',
  'unknownVersion',
  'oversized',
];
export const OVERSIZED_PADDING = 300 * 1024;

interface Held {
  readonly record: OutRecord;
  readonly releaseAt: number;
}

/**
 * Injects faults into a record stream: with probability `share` an event gets one fault.
 * Malformed records are extra records (the valid event still goes out); a duplicate is the
 * same record again up to 20 records later; an out-of-order event is held back 1-20
 * records; a late event is held until the stream is flushed.
 */
export class FaultInjector {
  readonly report: FaultReport;
  private readonly rng: SeededRandom;
  private held: Held[] = [];
  private late: OutRecord[] = [];
  private position = 0;

  constructor(
    readonly share: number,
    seed: number,
  ) {
    this.rng = new SeededRandom(seed, 17);
    this.report = {
      share,
      malformed: { badJson: 0, missingField: 0, wrongType: 0, unknownType: 0, unknownVersion: 0, oversized: 0 },
      duplicated: 0,
      outOfOrder: 0,
      late: 0,
      eventIds: { duplicated: [], outOfOrder: [], late: [] },
    };
  }

  get malformedTotal(): number {
    return Object.values(this.report.malformed).reduce((a, b) => a + b, 0);
  }

  push(record: OutRecord, eventId: string, out: OutRecord[]): void {
    this.release(out);
    if (this.share <= 0 || !this.rng.chance(this.share)) {
      this.emit(record, out);
      return;
    }
    const u = this.rng.next();
    if (u < FAULT_MIX.malformed) {
      this.emit(record, out);
      this.emit(this.malform(record, eventId), out);
    } else if (u < FAULT_MIX.malformed + FAULT_MIX.duplicated) {
      this.emit(record, out);
      this.hold(record, this.rng.between(0, 20));
      this.note('duplicated', eventId);
    } else if (u < 1 - FAULT_MIX.late) {
      this.hold(record, this.rng.between(1, 20));
      this.note('outOfOrder', eventId);
    } else {
      this.late.push(record);
      this.note('late', eventId);
    }
  }

  /** Releases everything still held: reordered events first, then the late ones. */
  flush(out: OutRecord[]): void {
    this.held.forEach((h) => this.emit(h.record, out));
    this.late.forEach((r) => this.emit(r, out));
    this.held = [];
    this.late = [];
  }

  private emit(record: OutRecord, out: OutRecord[]): void {
    out.push(record);
    this.position++;
  }

  private hold(record: OutRecord, after: number): void {
    this.held.push({ record, releaseAt: this.position + after });
  }

  private release(out: OutRecord[]): void {
    if (this.held.length === 0) {
      return;
    }
    const due = this.held.filter((h) => h.releaseAt <= this.position);
    if (due.length > 0) {
      this.held = this.held.filter((h) => h.releaseAt > this.position);
      due.forEach((h) => this.emit(h.record, out));
    }
  }

  private note(kind: 'duplicated' | 'outOfOrder' | 'late', eventId: string): void {
    this.report[kind]++;
    this.report.eventIds[kind].push(eventId);
  }

  private malform(record: OutRecord, eventId: string): OutRecord {
    const kind = this.rng.pick(MALFORMED_KINDS);
    this.report.malformed[kind]++;
    if (kind === 'badJson') {
      return { key: record.key, value: record.value.slice(0, Math.floor(record.value.length / 2)) };
    }
    const event = JSON.parse(record.value) as {
      eventId: string;
      type: string;
      schemaVersion: number;
      payload: Record<string, unknown>;
    };
    // Named under the valid event's own id: unique wherever that id is, the same on a rerun.
    event.eventId = uuidV5('malformed', eventId);
    const firstField = Object.keys(event.payload)[0] ?? 'id';
    switch (kind) {
      case 'missingField':
        delete event.payload[firstField];
        break;
      case 'wrongType':
        event.payload[firstField] = 12345;
        break;
      case 'unknownType':
        event.type = 'legacy.unknown-event';
        break;
      case 'unknownVersion':
        event.schemaVersion = 99;
        break;
      case 'oversized':
        event.payload.padding = 'x'.repeat(OVERSIZED_PADDING);
        break;
    }
    return { key: record.key, value: JSON.stringify(event) };
  }
}
