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
 * JSON.stringify leaves out (undefined, functions) is left out; `toJSON` is honoured (a Date
 * becomes its ISO string). The one canonical form of the project: event digests, the
 * decision hash chain and signed audit statements. Written as plain loops over one string:
 * it runs for every event consumed and every decision linked (it was the largest single
 * cost of review's decisions when built from map/flatMap/join).
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? 'null';
}

function canonical(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      // JSON.stringify's own rules: non-finite numbers become null, a bigint throws.
      return JSON.stringify(value);
    case 'object':
      break;
    case 'undefined':
    case 'function':
    case 'symbol':
      // Left out, as JSON.stringify leaves them out, whatever their declared type says.
      return undefined;
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      out += (i === 0 ? '' : ',') + (canonical(value[i]) ?? 'null');
    }
    return out + ']';
  }
  const record = value as Record<string, unknown> & { toJSON?: unknown };
  if (typeof record.toJSON === 'function') {
    return canonical((record.toJSON as () => unknown)());
  }
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = canonical(record[key]);
    if (member !== undefined) {
      out += (first ? '' : ',') + JSON.stringify(key) + ':' + member;
      first = false;
    }
  }
  return out + '}';
}
