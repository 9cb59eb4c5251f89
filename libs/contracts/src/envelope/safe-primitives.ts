import { z } from 'zod';

/**
 * The building blocks of every event schema: what a schema accepts, every store behind it
 * accepts (PostgreSQL text, jsonb, int, numeric, date, timestamptz; Neo4j properties; the
 * float32 ONNX input). Each limit names the store limit it matches; docs/architecture.md,
 * "Contract rules", lists them.
 */
export const StoreLimits = {
  /** PostgreSQL `integer` (int4): versions, counts, employees, terms, instalment numbers. */
  int4Max: 2_147_483_647,
  /**
   * Money: the columns are unbounded `numeric`, so this is the business bound (ten trillion).
   * Below 2^53 / 100 (9.0e13) every cent is exact in a double, and it is far inside float32.
   */
  moneyMax: 1e13,
  /**
   * Dates and instants: PostgreSQL date/timestamptz (4713 BC to 294276 AD), Neo4j date() and
   * datetime() (±999,999,999) and JS Date (±275,760) all take these years; year 0000, which
   * PostgreSQL rejects, and five-digit years are out.
   */
  minYear: 1900,
  maxYear: 2100,
  /**
   * UTC offsets of instants, in minutes: the real time zones (-12:00 to +14:00). PostgreSQL
   * timestamptz rejects a displacement beyond ±15:59 ("time zone displacement out of range").
   */
  minOffsetMinutes: -12 * 60,
  maxOffsetMinutes: 14 * 60,
  /** Largest float32 magnitude: the ONNX feature tensor is float32, beyond this is Infinity. */
  float32Max: 3.4028234663852886e38,
  /** Ratios (current ratio): the same cap the features put on every ratio (libs/features `RATIO_CAP`). */
  ratioMax: 1e6,
  /** Durations in events (computation times): a day; anything longer is a clock error. */
  durationMsMax: 86_400_000,
  /** Identifiers: review's `varchar(64)` id columns. */
  idMaxLength: 64,
  /** Arrays and maps without a tighter business bound. */
  listMax: 1000,
} as const;

/** Milliseconds since epoch of the first and last instant inside the year range. */
export const EPOCH_MS_MIN = Date.UTC(StoreLimits.minYear, 0, 1);
export const EPOCH_MS_MAX = Date.UTC(StoreLimits.maxYear, 11, 31, 23, 59, 59, 999);

/** How a text field's characters are checked: a one-line value, or free text that may hold tabs and newlines. */
export type TextKind = 'line' | 'free-text';

/** The kind of each text building block, for tools that walk the schemas (the property tests' generator). */
export const textKinds = z.registry<{ kind: TextKind }>();

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Why a text cannot be stored, or undefined. NUL: PostgreSQL text and jsonb reject it. An
 * unpaired surrogate is not Unicode: jsonb rejects its escape and UTF-8 encoders (Neo4j's
 * Bolt, Kafka clients) silently replace it. Other C0 controls, DEL and C1 controls carry no
 * meaning in banking data; free text keeps tab and newline. Positions, never values: the
 * reason goes to a dead letter and must not leak personal data.
 */
export function unstorableTextReason(value: string, kind: TextKind): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0) {
      return `contains U+0000 (NUL) at position ${i}, which PostgreSQL text and jsonb reject`;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `contains an unpaired surrogate (${hex(c)}) at position ${i}, which is not valid Unicode`;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      return `contains an unpaired surrogate (${hex(c)}) at position ${i}, which is not valid Unicode`;
    }
    const control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    if (control && !(kind === 'free-text' && (c === 0x09 || c === 0x0a))) {
      return `contains control character ${hex(c)} at position ${i}`;
    }
  }
  return undefined;
}

function storable<T extends z.ZodString>(schema: T, kind: TextKind): T {
  const checked = schema.superRefine((value, ctx) => {
    const reason = unstorableTextReason(value, kind);
    if (reason !== undefined) {
      ctx.addIssue({ code: 'custom', message: reason });
    }
  });
  textKinds.add(checked, { kind });
  return checked;
}

/** A one-line text of `min`..`max` UTF-16 code units (names, addresses, codes). */
export function lineText(max: number, min = 1): z.ZodString {
  return storable(z.string().min(min).max(max), 'line');
}

/** Free text (reasons, explanations): tab and newline allowed, other controls not. */
export function freeText(max: number, min = 0): z.ZodString {
  return storable(z.string().min(min).max(max), 'free-text');
}

/** What a person typed on one line (a user name, a reviewer): trimmed, then 1..`max`. */
export function typedLine(max: number): z.ZodString {
  return storable(z.string().trim().min(1).max(max), 'line');
}

/** What a person wrote (a note, a comment, a reason): trimmed, then 1..`max`, tabs and newlines kept. */
export function typedText(max: number): z.ZodString {
  return storable(z.string().trim().min(1).max(max), 'free-text');
}

/** A text of a fixed shape (tokens, months, codes); the pattern excludes every unstorable character. */
export function patternText(pattern: RegExp, message: string): z.ZodString {
  return z.string().regex(pattern, message);
}

/**
 * A business id from core banking or a service: a letter or digit, then letters, digits and
 * `. _ : -`, at most 64 (review's `varchar(64)` columns). No spaces or slashes: ids travel in
 * Kafka keys, URL paths and log lines.
 */
export const entityId = patternText(
  /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/,
  'expected an id: letters, digits and . _ : - (at most 64, starting with a letter or digit)',
);

const yearOf = (text: string): number => Number(text.slice(0, 4));

function inYearRange<T extends z.ZodType<string>>(schema: T): T {
  // A text without a year already failed the format check; one issue is enough.
  return schema.refine(
    (v) => Number.isNaN(yearOf(v)) || (yearOf(v) >= StoreLimits.minYear && yearOf(v) <= StoreLimits.maxYear),
    {
      message: `year must be between ${StoreLimits.minYear} and ${StoreLimits.maxYear}`,
    },
  );
}

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30) within the year range. */
export const isoDate = inYearRange(z.iso.date({ error: 'expected a real calendar date YYYY-MM-DD' }));

/** Minutes east of UTC of an instant's offset (0 for `Z`), or undefined when it has none. */
function offsetMinutes(text: string): number | undefined {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(text);
  if (m) {
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  }
  return text.endsWith('Z') ? 0 : undefined;
}

/**
 * An ISO 8601 instant with `Z` or an offset of a real time zone (-12:00 to +14:00), a real
 * date and time, within the year range.
 */
export const isoInstant = inYearRange(
  z.iso.datetime({ offset: true, error: 'expected an ISO 8601 instant with Z or an offset' }),
).refine(
  (v) => {
    const minutes = offsetMinutes(v) ?? 0;
    return minutes >= StoreLimits.minOffsetMinutes && minutes <= StoreLimits.maxOffsetMinutes;
  },
  { message: 'offset must be between -12:00 and +14:00' },
);

/** A calendar month `YYYY-MM` within the year range. */
export const isoMonth = patternText(
  /^(?:19\d\d|20\d\d|2100)-(?:0[1-9]|1[0-2])$/,
  'expected a month YYYY-MM (1900-2100)',
);

function finiteError(issue: { input?: unknown }): string {
  return issue.input === undefined ? 'required' : 'expected a finite number';
}

/** A finite number (JSON.parse turns 1e400 into Infinity; no store holds it). */
export function finiteNumber(): z.ZodNumber {
  return z.number({ error: finiteError });
}

/** A PostgreSQL `integer` (int4), by default non-negative. */
export function int4(min = 0, max: number = StoreLimits.int4Max): z.ZodNumber {
  return finiteNumber().int().min(min).max(max);
}

/** A non-negative money amount within the business bound (`numeric` columns). */
export const money = finiteNumber().min(0).max(StoreLimits.moneyMax);

/** A signed money amount (net profit). */
export const signedMoney = finiteNumber().min(-StoreLimits.moneyMax).max(StoreLimits.moneyMax);

/** A share, probability or rate in [0, 1]. */
export const unitInterval = finiteNumber().min(0).max(1);

/** A non-negative ratio (current ratio), capped like the features' `safeRatio`. */
export const ratio = finiteNumber().min(0).max(StoreLimits.ratioMax);

/** A duration in milliseconds, at most a day. */
export const durationMs = finiteNumber().min(0).max(StoreLimits.durationMsMax);

/** Any finite number a float32 tensor (the ONNX input) holds without overflowing. */
export const float32 = finiteNumber().min(-StoreLimits.float32Max).max(StoreLimits.float32Max);

/** Milliseconds since epoch within the year range (hop times, barrier instants). */
export const epochMillis = finiteNumber().min(EPOCH_MS_MIN).max(EPOCH_MS_MAX);

/** A list of at most `max` items (`StoreLimits.listMax` unless the business bound is tighter). */
export function boundedList<T extends z.ZodType>(item: T, max: number = StoreLimits.listMax): z.ZodArray<T> {
  return z.array(item).max(max);
}

/** A map of at most `max` entries. */
export function boundedMap<K extends z.ZodType<string>, V extends z.ZodType>(
  key: K,
  value: V,
  max: number = StoreLimits.listMax,
): z.ZodRecord<K, V> {
  return z.record(key, value).refine((m) => Object.keys(m).length <= max, {
    message: `must have at most ${max} entries`,
  });
}
