import fc from 'fast-check';
import type { z } from 'zod';

import { zodArbitrary } from '@loanmesh/testing';

import { coreBankingRegistry, coreBankingSchemas } from './core-banking/core-banking.schemas';
import { domainEventRegistry } from './domain/domain-events.schemas';
import {
  applicationReceivedRegistry,
  applicationScoredRegistry,
  decisionMadeRegistry,
  graphFeaturesComputedRegistry,
} from './domain/pipeline-events.schemas';
import { ContractViolation } from './envelope/contract-violation';
import { MAX_EVENT_BYTES } from './envelope/envelope.schema';
import { parseEvent, type SchemaRegistry } from './envelope/parse-event';
import { earlyWarningRegistry } from './graph/early-warning.schema';
import { applicationIncompleteRegistry } from './lending/application-incomplete.schema';

const REGISTRIES: Record<string, SchemaRegistry> = {
  coreBanking: coreBankingRegistry,
  domainEvents: domainEventRegistry,
  applicationReceived: applicationReceivedRegistry,
  graphFeaturesComputed: graphFeaturesComputedRegistry,
  applicationScored: applicationScoredRegistry,
  decisionMade: decisionMadeRegistry,
  earlyWarning: earlyWarningRegistry,
  applicationIncomplete: applicationIncompleteRegistry,
};

/** Every (registry, type, schema) of every topic. */
const CASES = Object.entries(REGISTRIES).flatMap(([name, registry]) =>
  Object.entries(registry).flatMap(([type, versions]) =>
    Object.values(versions).map((schema): [string, SchemaRegistry, z.ZodType] => [`${name} ${type}`, registry, schema]),
  ),
);

const RUNS = { numRuns: 60, interruptAfterTimeLimit: 20_000 };

type Path = (string | number)[];
type Leaf = { path: Path; value: string | number };

/** Every string and number leaf of a JSON value, with its path. */
function leavesOf(value: unknown, path: Path = []): Leaf[] {
  if (typeof value === 'string' || typeof value === 'number') {
    return [{ path, value }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => leavesOf(v, [...path, i]));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leavesOf(v, [...path, k]));
  }
  return [];
}

const PLACEHOLDER = '\u2063REPLACED\u2063';

/** The event's JSON with the leaf at `path` replaced by raw JSON text (so 1e400 can be written). */
function jsonWith(event: unknown, path: Path, rawJson: string): string {
  const copy = structuredClone(event) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) {
    parent = parent[key] as Record<string | number, unknown>;
  }
  parent[path[path.length - 1]] = PLACEHOLDER;
  // A replacer function: a string replacement would expand `$&` and friends found in the values.
  return JSON.stringify(copy).replace(JSON.stringify(PLACEHOLDER), () => rawJson);
}

function violationOf(raw: string, registry: SchemaRegistry): ContractViolation {
  try {
    parseEvent(raw, registry);
  } catch (e) {
    if (e instanceof ContractViolation) {
      return e;
    }
    throw e;
  }
  throw new Error(`accepted: ${raw}`);
}

/** A leaf picked from the generated event, and where in it to corrupt it. */
const corruption = <T>(schema: z.ZodType, make: (leaf: Leaf) => fc.Arbitrary<T> | undefined) =>
  zodArbitrary(schema).chain((event) => {
    const leaves = leavesOf(event)
      .map((leaf) => ({ leaf, bad: make(leaf) }))
      .filter((c): c is { leaf: Leaf; bad: fc.Arbitrary<T> } => c.bad !== undefined);
    return fc.constantFrom(...leaves).chain(({ leaf, bad }) => bad.map((raw) => ({ event, leaf, raw })));
  });

/** A date or an instant (every envelope has two). */
const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?$/;
/** Dates that do not exist, or outside the years every store takes. */
const impossibleDate = fc.oneof(
  fc.constantFrom('2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '0000-01-01', '1899-12-31'),
  fc.integer({ min: 2101, max: 9999 }).map((y) => `${y}-01-01`),
);

describe('event contracts (property-based)', () => {
  describe.each(CASES)('%s', (_, registry, schema) => {
    it('should accept every value generated from the schema when it arrives as JSON', () => {
      fc.assert(
        fc.property(zodArbitrary(schema), (event) => {
          const raw = JSON.stringify(event);
          fc.pre(Buffer.byteLength(raw) <= MAX_EVENT_BYTES);

          // As JSON carries it (-0 arrives as 0).
          expect(parseEvent(raw, registry)).toEqual(JSON.parse(raw));
        }),
        RUNS,
      );
    });

    it('should reject NUL or a lone surrogate in any string field and name the field', () => {
      const bad = corruption(schema, (leaf) =>
        typeof leaf.value === 'string'
          ? fc
              .record({ at: fc.nat(leaf.value.length), c: fc.constantFrom('\u0000', '\ud800', '\udfff') })
              .map(({ at, c }) =>
                JSON.stringify(`${(leaf.value as string).slice(0, at)}${c}${(leaf.value as string).slice(at)}`),
              )
          : undefined,
      );
      fc.assert(
        fc.property(bad, ({ event, leaf, raw }) => {
          const violation = violationOf(jsonWith(event, leaf.path, raw), registry);

          expect(violation.code).toBe('SCHEMA_VIOLATION');
          expect(violation.detail).toContain(`${leaf.path.join('.')}: `);
        }),
        RUNS,
      );
    });

    it('should reject a number that JSON.parse overflows to Infinity in any number field and name the field', () => {
      const bad = corruption(schema, (leaf) =>
        typeof leaf.value === 'number' ? fc.constantFrom('1e400', '-1e400') : undefined,
      );
      fc.assert(
        fc.property(bad, ({ event, leaf, raw }) => {
          const violation = violationOf(jsonWith(event, leaf.path, raw), registry);

          expect(violation.code).toBe('SCHEMA_VIOLATION');
          expect(violation.detail).toContain(`${leaf.path.join('.')}: expected a finite number`);
        }),
        RUNS,
      );
    });

    it('should reject an impossible or out-of-range date in any date field and name the field', () => {
      const bad = corruption(schema, (leaf) =>
        typeof leaf.value === 'string' && DATE.test(leaf.value)
          ? impossibleDate.map((d) => JSON.stringify(`${d}${(leaf.value as string).slice(10)}`))
          : undefined,
      );
      fc.assert(
        fc.property(bad, ({ event, leaf, raw }) => {
          const violation = violationOf(jsonWith(event, leaf.path, raw), registry);

          expect(violation.code).toBe('SCHEMA_VIOLATION');
          expect(violation.detail).toContain(`${leaf.path.join('.')}: `);
        }),
        RUNS,
      );
    });
  });

  describe('out-of-range numbers', () => {
    const S = coreBankingSchemas;
    const cases: [string, z.ZodType, Path, fc.Arbitrary<number>][] = [
      [
        'an amount above 1e13',
        S.applicationSubmitted,
        ['payload', 'amount'],
        fc.double({ min: 1e13, minExcluded: true, max: 1e300, noNaN: true }),
      ],
      [
        'a negative amount',
        S.guaranteeRegistered,
        ['payload', 'amount'],
        fc.double({ min: -1e13, max: -Number.MIN_VALUE, noNaN: true }),
      ],
      [
        'a version past int4',
        S.companyRegistered,
        ['payload', 'version'],
        fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
      ],
      [
        'employees past int4',
        S.companyUpdated,
        ['payload', 'employees'],
        fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }),
      ],
      [
        'a transaction count past int4',
        S.transactionBatch,
        ['payload', 'count'],
        fc.integer({ min: 2 ** 31, max: 2 ** 53 }),
      ],
      ['an integer beyond 2^53', S.paymentMissed, ['payload', 'daysPastDue'], fc.constantFrom(2 ** 53, 1e20)],
      [
        'an interest rate above 1',
        S.loanDisbursed,
        ['payload', 'interestRate'],
        fc.double({ min: 1, minExcluded: true, max: 1e6, noNaN: true }),
      ],
      [
        'a fractional term',
        S.applicationSubmitted,
        ['payload', 'termMonths'],
        fc.double({ min: 1.0001, max: 359.9, noNaN: true, noInteger: true }),
      ],
    ];

    it.each(cases)('should reject %s and name the field', (_, schema, path, number) => {
      fc.assert(
        fc.property(zodArbitrary(schema), number, (event, n) => {
          const violation = violationOf(jsonWith(event, path, JSON.stringify(n)), coreBankingRegistry);

          expect(violation.code).toBe('SCHEMA_VIOLATION');
          expect(violation.detail).toContain(`${path.join('.')}: `);
        }),
        RUNS,
      );
    });
  });

  it('should reject the issue-11 application (NUL in a string) at the contract, naming the field', () => {
    const event = fc.sample(zodArbitrary(coreBankingSchemas.applicationSubmitted), { numRuns: 1, seed: 11 })[0];
    const raw = jsonWith(event, ['payload', 'applicationId'], JSON.stringify('AP-1\u0000'));

    const violation = violationOf(raw, coreBankingRegistry);

    expect(violation.code).toBe('SCHEMA_VIOLATION');
    expect(violation.detail).toContain('payload.applicationId: ');
  });
});
