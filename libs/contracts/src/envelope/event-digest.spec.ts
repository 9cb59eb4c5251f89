import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';

import { coreBankingRegistry } from '../core-banking/core-banking.schemas';
import { canonicalJson, eventDigest } from './event-digest';
import { parseEvent } from './parse-event';

const FIXTURE = join(__dirname, '../../../../test/fixtures/corebanking.events.v1/ok/company.registered.json');

/** The same object with its keys in reverse order at every level. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(reversed);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe(eventDigest.name, () => {
  const raw = readFileSync(FIXTURE, 'utf8');
  const event = parseEvent<Record<string, unknown>>(raw, coreBankingRegistry);

  it('should give the same digest when the event is re-serialized with other key order and spacing', () => {
    const reserialized = JSON.stringify(reversed(JSON.parse(raw)), null, 2);

    const digest = eventDigest(parseEvent<object>(reserialized, coreBankingRegistry));

    expect(reserialized).not.toBe(raw);
    expect(digest).toBe(eventDigest(event));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should ignore producedAt when the same event is sent again later', () => {
    expect(eventDigest({ ...event, producedAt: '2030-01-01T00:00:00.000Z' })).toBe(eventDigest(event));
  });

  it('should give a different digest when any content field differs', () => {
    const payload = event.payload as Record<string, unknown>;

    expect(eventDigest({ ...event, payload: { ...payload, employees: 13 } })).not.toBe(eventDigest(event));
    expect(eventDigest({ ...event, type: 'company.updated' })).not.toBe(eventDigest(event));
    expect(eventDigest({ ...event, occurredAt: '2001-01-01T00:00:00.000Z' })).not.toBe(eventDigest(event));
  });

  it('should be SHA-256 of the canonical JSON without producedAt', () => {
    const { producedAt: _producedAt, ...content } = event;

    expect(eventDigest(event)).toBe(createHash('sha256').update(canonicalJson(content)).digest('hex'));
  });
});

describe(canonicalJson.name, () => {
  it('should sort keys at every level by code point when integer-like keys are present', () => {
    expect(canonicalJson({ b: 1, a: { z: [{ y: 1, x: 2 }], '10': 0, '9': 0 } })).toBe(
      '{"a":{"10":0,"9":0,"z":[{"x":2,"y":1}]},"b":1}',
    );
  });

  it('should drop undefined members and write undefined array items as null like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 'x'] })).toBe('{"b":[null,"x"]}');
  });

  it('should write what the decision chain hashed with before (rows already linked keep verifying)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.date({ noInvalidDate: true }), (json, date) => {
        const value = { json, at: date, list: [json, date, null] };
        expect(canonicalJson(value)).toBe(chainCanonicalJsonBefore(value));
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('should write numbers, strings and non-finite values as JSON.stringify does', () => {
    expect(canonicalJson([1e21, -0, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 'a"\u0001', true])).toBe(
      JSON.stringify([1e21, -0, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 'a"\u0001', true]),
    );
  });
});

/** The decision chain's own canonical JSON, as the rows linked so far were hashed with it. */
function chainCanonicalJsonBefore(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => chainCanonicalJsonBefore(v)).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${chainCanonicalJsonBefore(v)}`).join(',')}}`;
}
