import type { Json } from '../fuzz-record';
import { getAt, jsonTypeOf, leafPaths, memberPaths, objectPaths, withAt } from '../json-tree';
import type { Mutator } from './mutator';

const OTHER_TYPED: readonly Json[] = ['1', 1, true, null, [], {}, 'x'];

/** One leaf replaced by a value of another JSON type (a number as a string, an object as null...). */
export const wrongType: Mutator = {
  name: 'wrong-type',
  description: 'one field gets a value of another JSON type',
  apply(event, ctx) {
    const path = ctx.rng.pick(leafPaths(event));
    const current = jsonTypeOf(getAt(event, path));
    const value = ctx.rng.pick(OTHER_TYPED.filter((v) => jsonTypeOf(v) !== current));
    return [{ value: JSON.stringify(withAt(event, path, value)), variant: `${current}->${jsonTypeOf(value)}` }];
  },
};

/** One member removed, at any depth (envelope or payload; required or optional). */
export const missingField: Mutator = {
  name: 'missing-field',
  description: 'one field removed, at any depth',
  apply(event, ctx) {
    const path = ctx.rng.pick(memberPaths(event));
    return [
      {
        value: JSON.stringify(withAt(event, path, undefined)),
        variant: path[0] === 'payload' ? 'payload' : 'envelope',
      },
    ];
  },
};

/** An unknown member added to some object: a scalar, or a 2,000-deep nested array. */
export const extraField: Mutator = {
  name: 'extra-field',
  description: 'an unknown field added (scalar, object or a 2,000-deep nested array)',
  apply(event, ctx) {
    const at = ctx.rng.pick(objectPaths(event));
    const kind = ctx.rng.pick(['scalar', 'object', 'deep'] as const);
    const value = kind === 'scalar' ? 'unexpected' : kind === 'object' ? { nested: { n: 1 } } : null;
    const name = `fuzzExtra${ctx.rng.int(1000)}`;
    if (kind === 'deep') {
      // Built as text: a 2,000-deep value would be slow to clone and stringify as a tree.
      const text = JSON.stringify(withAt(event, [...at, name], 0));
      const deep = `${'['.repeat(2000)}0${']'.repeat(2000)}`;
      return [{ value: text.replace(`"${name}":0`, `"${name}":${deep}`), variant: kind }];
    }
    return [{ value: JSON.stringify(withAt(event, [...at, name], value)), variant: kind }];
  },
};

/** A type no schema knows, or a version of a known type that does not exist. */
export const unknownTypeOrVersion: Mutator = {
  name: 'unknown-type-or-version',
  description: "an unknown event type, or schemaVersion 2, 0, -1, 1.5 or '1'",
  apply(event, ctx) {
    if (ctx.rng.chance(0.4)) {
      return [
        {
          value: JSON.stringify({ ...event, type: `${typeof event.type === 'string' ? event.type : 'event'}-unknown` }),
          variant: 'type',
        },
      ];
    }
    const version = ctx.rng.pick<Json>([2, 0, -1, 1.5, '1', 99]);
    return [
      { value: JSON.stringify({ ...event, schemaVersion: version }), variant: `version ${JSON.stringify(version)}` },
    ];
  },
};
