import { z } from 'zod';

/**
 * What every service answers on an error (the global exception filter): a stable code for
 * clients, a message for people, and the correlation id to find the request in the logs.
 */
export const errorResponseSchema = z.object({
  code: z
    .string()
    .optional()
    .describe('stable error code, e.g. INVALID_REQUEST, CASE_NOT_FOUND; absent on framework errors'),
  message: z.union([z.string(), z.array(z.string())]),
  correlationId: z.string(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
