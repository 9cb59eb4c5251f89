import { z } from 'zod';

import { LABEL_KINDS, labelSubjectSchema } from './label-kind';

const kind = z.enum(LABEL_KINDS);

export const labelTaskSchema = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid(),
  applicationId: z.string(),
  kind,
  subject: labelSubjectSchema.describe('the kind, and the entity pair or disputed outcome'),
  status: z.enum(['OPEN', 'NEEDS_ADJUDICATION', 'AGREED', 'ADJUDICATED']),
  requiredLabellers: z.number().int(),
  labellerCount: z.number().int(),
  finalValue: z.string().nullable(),
  adjudicatedBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  labels: z
    .array(
      z.object({
        id: z.string(),
        labeller: z.string(),
        value: z.string(),
        version: z.number().int(),
        recordedAt: z.string(),
      }),
    )
    .optional()
    .describe('every version of every label; absent where labellers answer blind'),
});

export const kindAgreementSchema = z.object({
  kind,
  samples: z.number().int(),
  n: z.number().int().describe('labeller pairs'),
  observed: z.number(),
  expected: z.number(),
  kappa: z.number().nullable().describe("Cohen's kappa; null when undefined (no pairs, or one category only)"),
});

export const labelKindSchema = z.object({ kind, values: z.array(z.string()) });
