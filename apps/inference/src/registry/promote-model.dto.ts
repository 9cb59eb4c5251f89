import { z } from 'zod';

import { typedLine } from '@loanmesh/contracts';

export const modelIdSchema = z.string().uuid();

/** Body of `POST /models/rollback`: why (kept in the promotion log). */
export const rollbackSchema = z.object({ reason: typedLine(500).min(1) });
