import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
});
