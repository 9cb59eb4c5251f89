import { z } from 'zod';

import { entityId } from '@loanmesh/contracts';

import { REASON_TAXONOMY } from '../cases/reason-taxonomy';

export const LABEL_KINDS = ['FRAUD', 'ER_CORRECTION', 'REASON_TAG', 'OUTCOME_DISPUTE'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

/** The answers a labeller may give for each kind: categories, so agreement is Cohen's kappa over them. */
export const LABEL_VALUES: Readonly<Record<LabelKind, readonly string[]>> = {
  FRAUD: ['FRAUD', 'NOT_FRAUD'],
  ER_CORRECTION: ['SAME_ENTITY', 'DIFFERENT_ENTITY'],
  REASON_TAG: REASON_TAXONOMY.map((r) => r.code),
  // The corrected outcome of a disputed repayment/default label.
  OUTCOME_DISPUTE: ['REPAID', 'DEFAULTED'],
};

/** What a task is about, beyond its case: the entity pair to resolve, or the outcome disputed. */
export const labelSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('FRAUD') }),
  z.object({ kind: z.literal('ER_CORRECTION'), entityA: entityId, entityB: entityId }),
  z.object({ kind: z.literal('REASON_TAG') }),
  z.object({ kind: z.literal('OUTCOME_DISPUTE'), disputedOutcome: z.enum(['REPAID', 'DEFAULTED']) }),
]);
export type LabelSubject = z.infer<typeof labelSubjectSchema>;

export function isValueOf(kind: LabelKind, value: string): boolean {
  return LABEL_VALUES[kind].includes(value);
}

/** The binary training target of a final label, where the kind has one (1 = the bad class). */
export function binaryTargetOf(kind: LabelKind, value: string): 0 | 1 | null {
  switch (kind) {
    case 'FRAUD':
      return value === 'FRAUD' ? 1 : 0;
    case 'OUTCOME_DISPUTE':
      return value === 'DEFAULTED' ? 1 : 0;
    case 'ER_CORRECTION':
    case 'REASON_TAG':
      return null;
  }
}
