import { brokenJson, emptyValue, nonUtf8 } from './bytes.mutators';
import { conflict, duplicate, oddHeaders, oddKey, outOfOrder } from './identity.mutators';
import type { Mutator } from './mutator';
import { boundaryNumber } from './number.mutators';
import { oversized } from './size.mutators';
import { extraField, missingField, unknownTypeOrVersion, wrongType } from './structure.mutators';
import { impossibleDate, longString, unicodeEdge } from './text.mutators';

export type { Mutator, MutationContext } from './mutator';

/** Every mutator with its relative weight in a fuzz run (oversized ones are few: each is up to 2 MiB). */
export const WEIGHTED_MUTATORS: readonly { mutator: Mutator; weight: number }[] = [
  { mutator: wrongType, weight: 10 },
  { mutator: missingField, weight: 8 },
  { mutator: extraField, weight: 5 },
  { mutator: unknownTypeOrVersion, weight: 4 },
  { mutator: boundaryNumber, weight: 10 },
  { mutator: unicodeEdge, weight: 12 },
  { mutator: longString, weight: 2 },
  { mutator: impossibleDate, weight: 5 },
  { mutator: brokenJson, weight: 8 },
  { mutator: nonUtf8, weight: 5 },
  { mutator: emptyValue, weight: 2 },
  { mutator: oversized, weight: 0.3 },
  { mutator: duplicate, weight: 8 },
  { mutator: conflict, weight: 5 },
  { mutator: outOfOrder, weight: 4 },
  { mutator: oddHeaders, weight: 4 },
  { mutator: oddKey, weight: 3 },
];

export const MUTATORS: readonly Mutator[] = WEIGHTED_MUTATORS.map((w) => w.mutator);
