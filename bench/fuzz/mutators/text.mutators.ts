import { getAt, withAt } from '../json-tree';
import { leavesOfType, type Mutator, pickPath } from './mutator';

/** Unicode edge cases appended to (or put before) an existing string. */
export const UNICODE_EDGES = {
  nul: (s: string) => `${s}\u0000x`,
  'lone-surrogate': (s: string) => `${s}\uD800`,
  'lone-low-surrogate': (s: string) => `\uDC00${s}`,
  bom: (s: string) => `\uFEFF${s}`,
  'rtl-override': (s: string) => `\u202E${s}`,
  astral: (s: string) => `${s}\u{1F600}\u{1D54F}`,
  combining: (s: string) => `${s}e${'\u0301'.repeat(60)}`,
  'control-chars': (s: string) => `${s}\u0001\u001f\u007f`,
  'zero-width': (s: string) => `\u200B${s}\u200D`,
  empty: () => '',
} as const satisfies Record<string, (s: string) => string>;

export type UnicodeEdge = keyof typeof UNICODE_EDGES;

/** A string field with a Unicode edge case: U+0000, lone surrogates, BOM, RTL override, astral, combining marks. */
export const unicodeEdge: Mutator = {
  name: 'unicode-edge',
  description: 'a string field with U+0000, a lone surrogate, BOM, RTL override, astral chars, combining marks...',
  apply(event, ctx) {
    const path = pickPath(ctx, leavesOfType(event, 'string'), ['source']);
    const edge = ctx.rng.pick(Object.keys(UNICODE_EDGES) as UnicodeEdge[]);
    const current = getAt(event, path);
    const value = UNICODE_EDGES[edge](typeof current === 'string' ? current : '');
    return [{ value: JSON.stringify(withAt(event, path, value)), variant: edge }];
  },
};

/** A string field made very long: 1 KiB to 200 KiB of ASCII, or astral characters counting twice in UTF-16. */
export const longString: Mutator = {
  name: 'long-string',
  description: 'a string field of 1 KiB to 200 KiB (ASCII or astral characters)',
  apply(event, ctx) {
    const path = pickPath(ctx, leavesOfType(event, 'string'), ['source']);
    const length = ctx.rng.pick([1024, 16 * 1024, 64 * 1024, 200 * 1024]);
    const astral = ctx.rng.chance(0.3);
    const value = astral ? '\u{1F600}'.repeat(length / 4) : 'x'.repeat(length);
    return [
      {
        value: JSON.stringify(withAt(event, path, value)),
        variant: `${astral ? 'astral' : 'ascii'} ${length / 1024} KiB`,
      },
    ];
  },
};

const IMPOSSIBLE_DAYS = ['2023-02-30', '2023-04-31', '2023-13-01', '2023-00-10', '0000-01-01', '9999-99-99'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/** A date or instant field set to a day that does not exist but matches the pattern (Feb 30, month 13, year 0). */
export const impossibleDate: Mutator = {
  name: 'impossible-date',
  description: 'a date field set to a well-formed day that does not exist (2023-02-30, month 13, year 0)',
  apply(event, ctx) {
    const dated = leavesOfType(event, 'string').filter((p) => {
      const v = getAt(event, p);
      return typeof v === 'string' && (DATE.test(v) || INSTANT.test(v));
    });
    const path = pickPath(ctx, dated, ['occurredAt']);
    const current = getAt(event, path);
    const day = ctx.rng.pick(IMPOSSIBLE_DAYS);
    const instant = typeof current === 'string' && INSTANT.test(current);
    const value = instant ? `${day}T10:00:00.000Z` : day;
    return [{ value: JSON.stringify(withAt(event, path, value)), variant: `${instant ? 'instant' : 'date'} ${day}` }];
  },
};
