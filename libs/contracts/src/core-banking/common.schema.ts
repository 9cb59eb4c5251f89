import { z } from 'zod';

import { entityId, lineText } from '../envelope/safe-primitives';

/** A core-banking business id (see `entityId`). */
export const id = entityId;
export const addressSchema = z.object({
  line1: lineText(200),
  city: lineText(100),
  postcode: lineText(20),
});
export type Address = z.infer<typeof addressSchema>;
export const partyRef = z.object({ kind: z.enum(['person', 'company']), id });
export type PartyRef = z.infer<typeof partyRef>;
