import type { z } from 'zod';

import { ModelRegistryException } from './model-registry.exception';

/** The registry's one request-validation step: a 400 `REQUEST_INVALID` naming the first problem. */
export function parseRequest<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModelRegistryException(
      'REQUEST_INVALID',
      `${what} is invalid: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown'}`,
    );
  }
  return result.data;
}
