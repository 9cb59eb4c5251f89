import { MAX_EVENT_BYTES } from '@loanmesh/contracts';

import type { Mutator } from './mutator';

/** The broker's `message.max.bytes` (infra/infra.sh): a larger record never reaches the topic. */
export const BROKER_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** Target sizes in bytes around the consumer's limit (MAX_EVENT_BYTES) and the broker's. */
export const RECORD_SIZES: Record<string, number> = {
  'just-under-event-limit': MAX_EVENT_BYTES - 64,
  'just-over-event-limit': MAX_EVENT_BYTES + 1,
  'near-broker-limit': BROKER_MAX_MESSAGE_BYTES - 16 * 1024,
  'over-broker-limit': BROKER_MAX_MESSAGE_BYTES + 1024,
};

/** The event padded by an unknown field to an exact total size in UTF-8 bytes. */
export function paddedTo(event: object, bytes: number): string {
  const empty = JSON.stringify({ ...event, fuzzPadding: '' });
  const pad = bytes - Buffer.byteLength(empty);
  if (pad < 0) {
    throw new RangeError(`event is already ${Buffer.byteLength(empty)} bytes`);
  }
  return JSON.stringify({ ...event, fuzzPadding: 'p'.repeat(pad) });
}

/** A valid event padded just under or over the consumer's size limit, near or over the broker's. */
export const oversized: Mutator = {
  name: 'oversized',
  description: 'a record padded to just under / just over the 256 KiB event limit, near / over the 2 MiB broker limit',
  apply(event, ctx) {
    const variant = ctx.rng.pick(Object.keys(RECORD_SIZES));
    return [{ value: paddedTo(event, RECORD_SIZES[variant]), variant }];
  },
};
