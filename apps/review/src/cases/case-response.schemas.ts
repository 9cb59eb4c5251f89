import { z } from 'zod';

const instant = z.string().describe('ISO 8601 instant');
const caseStatus = z.enum(['OPEN', 'CLAIMED', 'AWAITING_CONFIRMATION', 'DECIDED']);
const humanOutcome = z.enum(['APPROVED', 'DECLINED']);

/** One row of the officers' queue (`GET /cases`), highest priority first. */
export const queueItemSchema = z.object({
  id: z.string().uuid(),
  applicationId: z.string(),
  companyId: z.string(),
  companyName: z
    .string()
    .nullable()
    .describe('from core banking; masked for roles that see personal data masked; null until core banking names it'),
  status: caseStatus,
  assignee: z.string().nullable(),
  amount: z.number(),
  probabilityOfDefault: z.number().nullable().describe('null when the application was never scored'),
  riskGrade: z.string().nullable(),
  expectedLoss: z.number(),
  priority: z.number(),
  slaDeadline: instant,
  slaBreached: z.boolean(),
  fourEyesRequired: z.boolean(),
  ruleHits: z.array(z.string()).describe('codes of the policy rules the application hit'),
  createdAt: instant,
});

/** `GET /cases`: one page of the filtered, sorted queue. */
export const queuePageSchema = z.object({
  items: z.array(queueItemSchema),
  total: z.number().int().describe('cases matching the filters, over all pages'),
  queued: z.number().int().describe('undecided cases in the queue before the filters'),
  page: z.number().int(),
  pageSize: z.number().int(),
  choices: z
    .object({ grades: z.array(z.string()), ruleHits: z.array(z.string()), assignees: z.array(z.string()) })
    .describe('the values each filter can take over the whole queue'),
});

/** A case after a workflow step (claim, release, reassign, decide, confirm, comment, reopen). */
export const caseSchema = z.object({
  id: z.string().uuid(),
  applicationId: z.string(),
  companyId: z.string(),
  status: caseStatus,
  assignee: z.string().nullable(),
  amount: z.number(),
  probabilityOfDefault: z.number().nullable(),
  riskGrade: z.string().nullable(),
  modelRecommendation: z.enum(['AUTO_APPROVE', 'REFER', 'AUTO_DECLINE']),
  fourEyesRequired: z.boolean(),
  fourEyesReasons: z.array(z.string()),
  slaDeadline: instant,
  slaBreached: z.boolean(),
  proposal: z
    .object({
      outcome: humanOutcome,
      reasonCode: z.string(),
      note: z.string(),
      proposedBy: z.string(),
      proposedAt: instant,
    })
    .nullable()
    .describe("the first officer's decision while it awaits a senior officer (four eyes)"),
  outcome: humanOutcome.nullable(),
  decidedAt: instant.nullable(),
  snapshot: z.record(z.string(), z.unknown()).describe('what the officer saw: score, reasons, rule hits, features'),
  createdAt: instant,
  revision: z.number().int(),
});

/** The reasons an officer may give (`GET /cases/reasons`). */
export const decisionReasonSchema = z.object({ code: z.string(), outcome: humanOutcome, text: z.string() });

/** `GET /cases/:id`: the case, its workflow history and the application's decision records (masked per role). */
export const caseDetailSchema = z.object({
  case: caseSchema,
  history: z
    .array(z.record(z.string(), z.unknown()))
    .describe('the case events (claim, comment, decide, ...) in order'),
  decisions: z
    .array(z.record(z.string(), z.unknown()))
    .describe('the hash-chained decision records of the application, oldest first'),
});
