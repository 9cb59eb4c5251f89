import { z } from 'zod';

import { entityId, isoDate } from '@loanmesh/contracts';

export const watchlistQuery = z.object({
  status: z.enum(['OPEN', 'ACKNOWLEDGED', 'ALL']).default('OPEN'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const entrySchema = z.object({
  id: z.number().int(),
  alertId: z.string(),
  loanId: entityId,
  companyId: entityId,
  triggerCompanyId: entityId,
  defaultedAt: isoDate,
  hops: z.number().int(),
  path: z.array(z.string()),
  relationships: z.array(z.string()),
  applicationId: entityId.nullable(),
  oldPd: z.number().nullable(),
  newPd: z.number().nullable(),
  rescoreStatus: z.enum(['PENDING', 'DONE', 'UNAVAILABLE']),
  rescoreReason: z.string().nullable(),
  rescoredAt: z.string().nullable(),
  status: z.enum(['OPEN', 'ACKNOWLEDGED']),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WatchlistEntryView = z.infer<typeof entrySchema>;

export const watchlistEntryResponse = entrySchema;
export const watchlistPageResponse = z.object({
  items: z.array(entrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
