import fc from 'fast-check';
import type { z } from 'zod';

import { StoreLimits, textKinds, type TextKind } from '@loanmesh/contracts';

/** How far the generator goes; lists are capped so one event stays well under the byte limit. */
export interface ZodArbitraryOptions {
  /** Most items of any generated array or map (the schema's own bound if lower). */
  maxListLength?: number;
}

interface Walk {
  maxListLength: number;
}

/** The parts of a zod 4 definition this walker reads (zod keeps them on `schema._zod.def`). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((c) => c._zod.def);

/**
 * Values a zod schema accepts, generated from the schema itself: objects, strings with
 * length, format and pattern checks, numbers with bounds and integer formats, enums,
 * literals, arrays, records, optional, nullable and unions. Biased to edges: longest
 * strings, bounds, leap days, astral characters, combining marks, right-to-left text and
 * characters whose upper case is longer. Refinements are invisible to a walker: the text
 * alphabet is the storable one (`textKinds` says where tabs and newlines are allowed) and
 * dates keep to `StoreLimits` years. Throws on a schema type it does not know, so a new
 * kind of field cannot silently go untested.
 */
export function zodArbitrary<T extends z.ZodType>(
  schema: T,
  options: ZodArbitraryOptions = {},
): fc.Arbitrary<z.output<T>> {
  return walk(schema, { maxListLength: options.maxListLength ?? 4 }) as fc.Arbitrary<z.output<T>>;
}

function walk(schema: z.ZodType, w: Walk): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return objectOf(def.shape ?? {}, w);
    case 'optional':
      return fc.option(walk(inner(def), w), { nil: undefined });
    case 'nullable':
      return fc.option(walk(inner(def), w), { nil: null });
    case 'string':
      return stringOf(schema, def);
    case 'number':
      return numberOf(checksOf(def));
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'array':
      return arrayOf(walk(def.element as z.ZodType, w), checksOf(def), w);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => walk(o, w)));
    case 'record':
      return fc
        .dictionary(walk(def.keyType as z.ZodType, w) as fc.Arbitrary<string>, walk(def.valueType as z.ZodType, w), {
          maxKeys: w.maxListLength,
        })
        .map((d) => ({ ...d }));
    default:
      throw new Error(`zodArbitrary: no generator for zod type '${def.type}'`);
  }
}

function inner(def: Def): z.ZodType {
  return def.innerType as z.ZodType;
}

function objectOf(shape: Record<string, z.ZodType>, w: Walk): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const def = defOf(field);
    if (def.type === 'optional') {
      fields[key] = walk(inner(def), w);
    } else {
      fields[key] = walk(field, w);
      requiredKeys.push(key);
    }
  }
  return fc.record(fields, { requiredKeys });
}

function arrayOf(item: fc.Arbitrary<unknown>, checks: CheckDef[], w: Walk): fc.Arbitrary<unknown[]> {
  const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));
  const max = Math.min(...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum ?? Infinity));
  return fc.array(item, { minLength: min, maxLength: Math.max(min, Math.min(max, w.maxListLength)) });
}

function numberOf(checks: CheckDef[]): fc.Arbitrary<number> {
  let min = -Number.MAX_VALUE;
  let max = Number.MAX_VALUE;
  let minExcluded = false;
  let maxExcluded = false;
  let integer = false;
  for (const c of checks) {
    if (c.check === 'greater_than' && c.value !== undefined && c.value >= min) {
      minExcluded = c.value === min ? minExcluded || !c.inclusive : !c.inclusive;
      min = c.value;
    } else if (c.check === 'less_than' && c.value !== undefined && c.value <= max) {
      maxExcluded = c.value === max ? maxExcluded || !c.inclusive : !c.inclusive;
      max = c.value;
    } else if (c.check === 'number_format') {
      integer = true;
      min = Math.max(min, Number.MIN_SAFE_INTEGER);
      max = Math.min(max, Number.MAX_SAFE_INTEGER);
    }
  }
  if (integer) {
    const lo = minExcluded ? Math.floor(min) + 1 : Math.ceil(min);
    const hi = maxExcluded ? Math.ceil(max) - 1 : Math.floor(max);
    return fc.integer({ min: lo, max: hi });
  }
  return fc.double({ min, max, minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true });
}

function stringOf(schema: z.ZodType, def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const format = def.format ?? checks.find((c) => c.check === 'string_format')?.format;
  switch (format) {
    case 'date':
      return calendarDate;
    case 'datetime':
      return instant;
    case 'uuid':
      return fc.uuid();
    case 'regex': {
      const pattern = def.pattern ?? checks.find((c) => c.format === 'regex')?.pattern;
      return fc.stringMatching(pattern as RegExp);
    }
    case undefined:
      break;
    default:
      throw new Error(`zodArbitrary: no generator for string format '${format}'`);
  }
  const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0));
  const max = Math.min(...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum ?? Infinity));
  return textOf(textKinds.get(schema)?.kind ?? 'line', min, Number.isFinite(max) ? max : 1000);
}

const range = (from: number, to: number): fc.Arbitrary<string> =>
  fc.integer({ min: from, max: to }).map((c) => String.fromCodePoint(c));

/** Characters every text field accepts, weighted towards the edges stores trip on. */
const storableChar = fc.oneof(
  { weight: 6, arbitrary: range(0x20, 0x7e) },
  { weight: 2, arbitrary: range(0xa0, 0x24f) },
  { weight: 2, arbitrary: range(0x300, 0x36f) },
  { weight: 1, arbitrary: range(0x5d0, 0x5ea) },
  { weight: 1, arbitrary: range(0x620, 0x64a) },
  { weight: 1, arbitrary: range(0x4e00, 0x9fff) },
  { weight: 2, arbitrary: range(0x1f600, 0x1f64f) },
  { weight: 1, arbitrary: range(0x1d400, 0x1d7ff) },
  { weight: 1, arbitrary: range(0x20000, 0x2a6df) },
  {
    weight: 2,
    // Upper case longer than the character, format characters, non-characters and the last code point.
    arbitrary: fc.constantFrom(
      'ß',
      'ﬃ',
      'ΐ',
      'ŉ',
      '\u200d',
      '\u200f',
      '\u202e',
      '\ufeff',
      '\ufffd',
      '\uffff',
      '\u{10ffff}',
    ),
  },
);

const freeTextChar = fc.oneof(
  { weight: 9, arbitrary: storableChar },
  { weight: 1, arbitrary: fc.constantFrom('\t', '\n') },
);

/** Text of min..max UTF-16 code units: random lengths, and the longest one a quarter of the time. */
function textOf(kind: TextKind, min: number, max: number): fc.Arbitrary<string> {
  const char = kind === 'free-text' ? freeTextChar : storableChar;
  const fit = (chars: string[], fillTo: number): string => {
    let text = '';
    for (const c of chars) {
      if (text.length + c.length > max) {
        break;
      }
      text += c;
    }
    return text.padEnd(fillTo, 'x');
  };
  return fc.oneof(
    { weight: 3, arbitrary: fc.array(char, { minLength: min, maxLength: max }).map((c) => fit(c, min)) },
    { weight: 1, arbitrary: fc.array(char, { minLength: max, maxLength: max }).map((c) => fit(c, max)) },
  );
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const ymd = fc
  .record({
    year: fc.integer({ min: StoreLimits.minYear, max: StoreLimits.maxYear }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => `${year}-${pad(month)}-${pad(Math.min(day, daysIn(year, month)))}`);

/** Real calendar dates in range, leap days included (a day past the month's end is its last day). */
const calendarDate: fc.Arbitrary<string> = fc.oneof(
  ymd,
  fc.constantFrom('1900-01-01', '2100-12-31', '2000-02-29', '2024-02-29'),
);

/** `Z` or an offset of a real time zone (`StoreLimits`), both ends included. */
const offset = fc.oneof(
  fc.constant('Z'),
  fc.integer({ min: StoreLimits.minOffsetMinutes, max: StoreLimits.maxOffsetMinutes }).map((minutes) => {
    const abs = Math.abs(minutes);
    return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }),
);

/** ISO instants: any time of day, 0 to 9 fraction digits, Z or any offset. */
const instant: fc.Arbitrary<string> = fc
  .record({
    date: calendarDate,
    h: fc.integer({ min: 0, max: 23 }),
    m: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
    zone: offset,
  })
  .map(
    ({ date, h, m, s, fraction, zone }) =>
      `${date}T${pad(h)}:${pad(m)}:${pad(s)}${fraction ? `.${fraction}` : ''}${zone}`,
  );
