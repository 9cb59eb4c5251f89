import { bytesWithInsideString } from '../raw-json';
import { leavesOfType, type Mutator, pickPath } from './mutator';

/** Texts that are not JSON, or JSON that is no event, each built from the valid event's text. */
const BROKEN_JSON: Record<string, (json: string) => string> = {
  truncated: (json) => json.slice(0, Math.max(1, Math.floor(json.length / 2))),
  'trailing-garbage': (json) => `${json}}garbage`,
  'single-quotes': (json) => json.replace(/"/g, "'"),
  'trailing-comma': (json) => `${json.slice(0, -1)},}`,
  'nan-literal': (json) => json.replace(/"schemaVersion":1/, '"schemaVersion":NaN'),
  'leading-bom': (json) => `\uFEFF${json}`,
  'two-objects': (json) => `${json}${json}`,
  comment: (json) => `/* fuzz */${json}`,
  'json-array': (json) => `[${json}]`,
  'json-null': () => 'null',
  'json-string': (json) => JSON.stringify(json),
  'json-number': () => '42',
  'empty-object': () => '{}',
  whitespace: () => ' \n\t ',
};

/** Invalid JSON text, or valid JSON that is not an object (array, null, string, number, {}). */
export const brokenJson: Mutator = {
  name: 'broken-json',
  description: 'invalid JSON (truncated, garbage, quotes, BOM, NaN, comments) or JSON that is not an event',
  apply(event, ctx) {
    const variant = ctx.rng.pick(Object.keys(BROKEN_JSON));
    return [{ value: BROKEN_JSON[variant](JSON.stringify(event)), variant }];
  },
};

/** Byte sequences that are not UTF-8: a stray continuation, 0xFF, an encoded surrogate, an overlong slash. */
export const INVALID_UTF8: Record<string, Buffer> = {
  'bad-continuation': Buffer.from([0xc3, 0x28]),
  ff: Buffer.from([0xff, 0xfe]),
  'encoded-surrogate': Buffer.from([0xed, 0xa0, 0x80]),
  overlong: Buffer.from([0xc0, 0xaf]),
  'truncated-sequence': Buffer.from([0xe2, 0x82]),
};

/** Bytes that are not UTF-8 inside a string value (the JSON is otherwise valid). */
export const nonUtf8: Mutator = {
  name: 'non-utf8',
  description: 'bytes that are not UTF-8 (0xFF, encoded surrogates, overlong forms) inside a string',
  apply(event, ctx) {
    const path = pickPath(ctx, leavesOfType(event, 'string'), ['source']);
    const variant = ctx.rng.pick(Object.keys(INVALID_UTF8));
    return [{ value: bytesWithInsideString(event, path, INVALID_UTF8[variant]), variant }];
  },
};

/** No value at all: an empty value or a tombstone (null). */
export const emptyValue: Mutator = {
  name: 'empty-value',
  description: 'an empty value or a null value (tombstone)',
  apply(_event, ctx) {
    return ctx.rng.chance(0.5) ? [{ value: '', variant: 'empty' }] : [{ value: null, variant: 'tombstone' }];
  },
};
