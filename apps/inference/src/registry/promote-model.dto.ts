import { z } from 'zod';

import { typedLine } from '@loanmesh/contracts';

export const modelIdSchema = z.string().uuid();

/** Body of `POST /models/rollback`: why (kept in the promotion log). */
export const rollbackSchema = z.object({ reason: typedLine(500).min(1) });

/** Body of `POST /models/shadow`: a model name in RETRAIN_MODEL_DIR (a name, so never a path). */
export const shadowRegistrationSchema = z.object({ name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/) });
