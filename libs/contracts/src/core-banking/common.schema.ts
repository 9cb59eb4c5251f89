import { z } from 'zod';

export const id = z.string().min(1).max(64);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const money = z.number().finite().nonnegative();
export const addressSchema = z.object({
  line1: z.string().min(1).max(200),
  city: z.string().min(1).max(100),
  postcode: z.string().min(1).max(20),
});
export type Address = z.infer<typeof addressSchema>;
export const partyRef = z.object({ kind: z.enum(['person', 'company']), id });
export type PartyRef = z.infer<typeof partyRef>;
