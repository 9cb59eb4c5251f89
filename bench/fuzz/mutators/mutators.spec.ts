import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  ContractViolation,
  coreBankingRegistry,
  eventDigest,
  Headers,
  MAX_EVENT_BYTES,
  parseEvent,
} from '@loanmesh/contracts';
import { SeededRandom } from '@loanmesh/world';

import type { JsonObject, Produced } from '../fuzz-record';
import { getAt, jsonTypeOf, leafPaths, memberPaths } from '../json-tree';
import { brokenJson, emptyValue, nonUtf8 } from './bytes.mutators';
import { conflict, duplicate, oddHeaders, oddKey, outOfOrder } from './identity.mutators';
import type { MutationContext, Mutator } from './mutator';
import { BOUNDARY_LITERALS, boundaryNumber } from './number.mutators';
import { BROKER_MAX_MESSAGE_BYTES, oversized, RECORD_SIZES } from './size.mutators';
import { extraField, missingField, unknownTypeOrVersion, wrongType } from './structure.mutators';
import { impossibleDate, longString, unicodeEdge } from './text.mutators';

const FIXTURE = join(__dirname, '../../../test/fixtures/corebanking.events.v1/ok/company.registered.json');
const event = JSON.parse(readFileSync(FIXTURE, 'utf8')) as JsonObject;

function ctx(seed: number, history: JsonObject[] = []): MutationContext {
  let n = 0;
  return {
    rng: new SeededRandom(seed),
    history,
    newId: () => `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`,
  };
}

/** Every record a mutator produces over some seeds (60 unless said), with its variant. */
function samples(m: Mutator, history: JsonObject[] = [], seeds = 60): (Produced & { variant: string })[] {
  return Array.from({ length: seeds }, (_, seed) => m.apply(event, ctx(seed, history))).flat();
}

function text(p: Produced): string {
  return p.value === null ? '' : typeof p.value === 'string' ? p.value : p.value.toString('utf8');
}

function violation(value: Produced['value']): string | undefined {
  try {
    parseEvent(value, coreBankingRegistry);
    return undefined;
  } catch (e) {
    return e instanceof ContractViolation ? e.code : 'other';
  }
}

describe('fuzz mutators', () => {
  it('should leave the fixture valid when nothing mutates it', () => {
    expect(violation(JSON.stringify(event))).toBeUndefined();
  });

  it('should change exactly one leaf to another JSON type when wrong-type applies', () => {
    for (const p of samples(wrongType)) {
      const mutated = JSON.parse(text(p)) as JsonObject;
      const changed = leafPaths(event).filter(
        (path) => jsonTypeOf(getAt(mutated, path)) !== jsonTypeOf(getAt(event, path)),
      );
      expect(changed).toHaveLength(1);
      expect(violation(p.value)).toBe('SCHEMA_VIOLATION');
    }
  });

  it('should remove exactly one member when missing-field applies', () => {
    for (const p of samples(missingField)) {
      expect(memberPaths(JSON.parse(text(p)) as JsonObject).length).toBeLessThan(memberPaths(event).length);
    }
  });

  it('should keep the event valid and its content digest when extra-field adds an unknown member', () => {
    for (const p of samples(extraField)) {
      expect(text(p)).toMatch(/"fuzzExtra\d+":/);
      const parsed = parseEvent<object>(p.value, coreBankingRegistry);
      expect(eventDigest(parsed)).toBe(eventDigest(parseEvent<object>(JSON.stringify(event), coreBankingRegistry)));
    }
  });

  it('should produce an unknown type or an unsupported version when unknown-type-or-version applies', () => {
    const codes = new Set(samples(unknownTypeOrVersion).map((p) => violation(p.value)));
    expect(
      [...codes].every((c) => c === 'UNKNOWN_TYPE' || c === 'UNSUPPORTED_VERSION' || c === 'SCHEMA_VIOLATION'),
    ).toBe(true);
    expect(codes.has('UNKNOWN_TYPE')).toBe(true);
  });

  it('should write the boundary literal verbatim into a number field when boundary-number applies', () => {
    const produced = samples(boundaryNumber);
    for (const p of produced.filter((x) => x.variant !== 'negative')) {
      expect(BOUNDARY_LITERALS).toContain(p.variant);
      expect(text(p)).toContain(`:${p.variant}`);
    }
    const infinite = produced.find((p) => p.variant === '1e400')!;
    expect(JSON.stringify(JSON.parse(text(infinite)))).toContain('null');
    expect(produced.some((p) => p.variant === 'negative' && /:-\d/.test(text(p)))).toBe(true);
  });

  it('should put the named Unicode edge case into a string when unicode-edge applies', () => {
    const produced = samples(unicodeEdge);
    const nul = produced.find((p) => p.variant === 'nul')!;
    expect(text(nul)).toContain('\\u0000');
    const lone = produced.find((p) => p.variant === 'lone-surrogate')!;
    expect(text(lone)).toContain('\\ud800');
    expect(produced.find((p) => p.variant === 'rtl-override')!.value).toContain('\u202E');
    expect(produced.find((p) => p.variant === 'combining')!.value).toContain('\u0301'.repeat(60));
  });

  it('should make a string of the stated size when long-string applies', () => {
    for (const p of samples(longString)) {
      const kib = Number(/(\d+) KiB/.exec(p.variant)![1]);
      expect(Buffer.byteLength(text(p))).toBeGreaterThan(kib * 1024);
      expect(violation(p.value)).toBe('SCHEMA_VIOLATION');
    }
  });

  it('should write a well-formed but impossible day when impossible-date applies', () => {
    for (const p of samples(impossibleDate)) {
      const day = p.variant.split(' ')[1];
      expect(text(p)).toContain(day);
      expect(
        Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || day.startsWith('0000') || /-(02-30|04-31)$/.test(day),
      ).toBe(true);
    }
  });

  it('should produce text that is not a JSON object when broken-json applies', () => {
    for (const p of samples(brokenJson)) {
      const code = violation(p.value);
      expect(code === 'MALFORMED_JSON' || code === 'SCHEMA_VIOLATION' || code === 'EMPTY').toBe(true);
    }
  });

  it('should produce bytes that are not UTF-8 when non-utf8 applies', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const p of samples(nonUtf8)) {
      expect(Buffer.isBuffer(p.value)).toBe(true);
      expect(() => decoder.decode(p.value as Buffer)).toThrow();
    }
  });

  it('should produce an empty or null value when empty-value applies', () => {
    for (const p of samples(emptyValue)) {
      expect(violation(p.value)).toBe('EMPTY');
    }
  });

  it('should pad to the stated size when oversized applies', () => {
    for (const p of samples(oversized, [], 12)) {
      const size = Buffer.byteLength(text(p));
      expect(size).toBe(RECORD_SIZES[p.variant]);
      expect(violation(p.value)).toBe(size > MAX_EVENT_BYTES ? 'OVERSIZED' : undefined);
    }
    expect(RECORD_SIZES['over-broker-limit']).toBeGreaterThan(BROKER_MAX_MESSAGE_BYTES);
  });

  it('should resend an earlier event with the same content when duplicate applies', () => {
    const earlier = { ...event, eventId: '11111111-1111-4111-8111-111111111111' };
    for (const p of samples(duplicate, [earlier])) {
      const again = parseEvent<object>(p.value, coreBankingRegistry);
      expect(eventDigest(again)).toBe(eventDigest(parseEvent<object>(JSON.stringify(earlier), coreBankingRegistry)));
    }
  });

  it('should keep the id of an earlier event with other valid content when conflict applies', () => {
    const earlier = { ...event, eventId: '11111111-1111-4111-8111-111111111111' };
    for (const p of samples(conflict, [earlier])) {
      const again = parseEvent<{ eventId: string }>(p.value, coreBankingRegistry);
      expect(again.eventId).toBe(earlier.eventId);
      expect(eventDigest(again)).not.toBe(
        eventDigest(parseEvent<object>(JSON.stringify(earlier), coreBankingRegistry)),
      );
    }
  });

  it('should send the higher version first when out-of-order applies to a versioned event', () => {
    const [first, second] = outOfOrder
      .apply(event, ctx(1))
      .map((p) => JSON.parse(text(p)) as { payload: { version: number } });
    expect(first.payload.version).toBeGreaterThan(second.payload.version);
    expect(violation(JSON.stringify(first))).toBeUndefined();
  });

  it('should give a valid event odd headers or keys when odd-headers or odd-key applies', () => {
    const headers = samples(oddHeaders);
    expect(headers.find((p) => p.variant === 'none')!.headers).toEqual({});
    expect(headers.find((p) => p.variant === 'lying-type')!.headers![Headers.eventType]).toBe('loan.defaulted');
    expect(samples(oddKey).find((p) => p.variant === 'none')!.key).toBeNull();
    expect([...headers, ...samples(oddKey)].every((p) => violation(p.value) === undefined)).toBe(true);
  });
});
