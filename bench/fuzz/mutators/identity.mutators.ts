import { Headers } from '@loanmesh/contracts';

import type { JsonObject } from '../fuzz-record';
import { isObject } from '../json-tree';
import { standardHeaders } from '../record-headers';
import type { Mutator } from './mutator';

/** The same object with its keys in reverse order at every level (same content, other bytes). */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(reversedKeys);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

/** An event sent before, again: byte for byte, or re-serialized with a new producedAt (same content). */
export const duplicate: Mutator = {
  name: 'duplicate',
  description: 'an event sent before, again (same bytes, or other key order and producedAt)',
  apply(event, ctx) {
    const earlier = ctx.history.length > 0 ? ctx.rng.pick(ctx.history) : event;
    if (ctx.rng.chance(0.5)) {
      return [{ value: JSON.stringify(earlier), variant: 'same-bytes', headers: standardHeaders(earlier) }];
    }
    const again = reversedKeys({ ...earlier, producedAt: '2030-01-01T00:00:00.000Z' });
    return [{ value: JSON.stringify(again), variant: 'reserialized', headers: standardHeaders(earlier) }];
  },
};

/** An event sent before, with its id but other content (a new correlation id or occurredAt). */
export const conflict: Mutator = {
  name: 'conflict',
  description: 'an event id sent before, with other (valid) content: EVENT_ID_CONFLICT',
  apply(event, ctx) {
    const earlier = ctx.history.length > 0 ? ctx.rng.pick(ctx.history) : event;
    const variant = ctx.rng.pick(['correlation-id', 'occurred-at'] as const);
    const changed: JsonObject =
      variant === 'correlation-id'
        ? { ...earlier, correlationId: ctx.newId() }
        : { ...earlier, occurredAt: '2001-01-01T00:00:00.000Z' };
    return [{ value: JSON.stringify(changed), variant, headers: standardHeaders(changed) }];
  },
};

/**
 * Two new versions of the entity, the higher first: a versioned payload gets version+3 then
 * version+2; an unversioned event is sent as two new events, the later-occurring first.
 */
export const outOfOrder: Mutator = {
  name: 'out-of-order',
  description: 'two new versions of an entity, the higher version (or later event) first',
  apply(event, ctx) {
    const payload = isObject(event.payload) ? event.payload : {};
    if (typeof payload.version === 'number') {
      const v = payload.version;
      return [v + 3, v + 2].map((version) => {
        const e = { ...event, eventId: ctx.newId(), payload: { ...payload, version } };
        return { value: JSON.stringify(e), variant: 'version', headers: standardHeaders(e) };
      });
    }
    const later = { ...event, eventId: ctx.newId(), occurredAt: '2030-06-01T00:00:00.000Z' };
    const earlier = { ...event, eventId: ctx.newId() };
    return [later, earlier].map((e) => ({
      value: JSON.stringify(e),
      variant: 'occurred-at',
      headers: standardHeaders(e),
    }));
  },
};

/** Header sets of a valid event: none, a lying type header, bytes that are not UTF-8, a 64 KiB header. */
const HEADER_VARIANTS = {
  none: () => ({}),
  'lying-type': (e: JsonObject) => ({ ...standardHeaders(e), [Headers.eventType]: 'loan.defaulted' }),
  'non-utf8': (e: JsonObject) => ({ ...standardHeaders(e), [Headers.correlationId]: Buffer.from([0xff, 0xfe, 0x00]) }),
  huge: (e: JsonObject) => ({ ...standardHeaders(e), 'x-fuzz-huge': 'h'.repeat(64 * 1024) }),
} as const;

/** A valid event with missing, lying, non-UTF-8 or oversized headers. */
export const oddHeaders: Mutator = {
  name: 'odd-headers',
  description: 'a valid event with no headers, a lying type header, non-UTF-8 or 64 KiB header values',
  apply(event, ctx) {
    const variant = ctx.rng.pick(Object.keys(HEADER_VARIANTS) as (keyof typeof HEADER_VARIANTS)[]);
    return [{ value: JSON.stringify(event), variant, headers: HEADER_VARIANTS[variant](event) }];
  },
};

/** Key variants of a valid event: none, empty, bytes that are not UTF-8, 10 KiB. */
const KEY_VARIANTS = {
  none: () => null,
  empty: () => '',
  'non-utf8': () => Buffer.from([0xff, 0xc3, 0x28]),
  long: () => 'k'.repeat(10 * 1024),
} as const;

/** A valid event with no key, an empty key, a key that is not UTF-8, or a 10 KiB key. */
export const oddKey: Mutator = {
  name: 'odd-key',
  description: 'a valid event with no key, an empty, non-UTF-8 or 10 KiB key',
  apply(event, ctx) {
    const variant = ctx.rng.pick(Object.keys(KEY_VARIANTS) as (keyof typeof KEY_VARIANTS)[]);
    return [{ value: JSON.stringify(event), variant, key: KEY_VARIANTS[variant]() }];
  },
};
