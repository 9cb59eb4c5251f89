import { createHash } from 'node:crypto';

/**
 * Envelope fields that say how a copy was sent, not what the event says: a producer that
 * publishes the same event again (a retry, the feed republishing a world) stamps a new
 * `producedAt`, and that must not make the copy a different event.
 */
const TRANSPORT_FIELDS: ReadonlySet<string> = new Set(['producedAt']);

/**
 * SHA-256 (hex) of an event's content: canonical JSON of the parsed event, keys sorted at
 * every level, transport fields left out. Two copies of one event give the same digest
 * however they were serialized; two different events sharing an id give different ones.
 * Pass the event as the consumer keeps it (e.g. tokenized), so the digest reveals no more.
 */
export function eventDigest(event: object): string {
  const content = Object.fromEntries(Object.entries(event).filter(([k]) => !TRANSPORT_FIELDS.has(k)));
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * JSON with object keys sorted by code point at every level (built by hand: an object
 * would put integer-like keys first whatever order they were added in). What
 * JSON.stringify leaves out (undefined, functions) is left out; `toJSON` is honoured.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? 'null';
}

function canonical(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') {
    // Undefined for undefined, functions and symbols, whatever its declared type says.
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => canonical(v) ?? 'null').join(',')}]`;
  }
  const record = value as Record<string, unknown> & { toJSON?: unknown };
  if (typeof record.toJSON === 'function') {
    return canonical((record.toJSON as () => unknown)());
  }
  const members = Object.keys(record)
    .sort()
    .flatMap((k) => {
      const v = canonical(record[k]);
      return v === undefined ? [] : [`${JSON.stringify(k)}:${v}`];
    });
  return `{${members.join(',')}}`;
}
