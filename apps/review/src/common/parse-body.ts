import type { z } from 'zod';

import { DomainException } from '@loanmesh/observability';

export class InvalidRequestException extends DomainException {
  constructor(detail: string) {
    super('INVALID_REQUEST', 'INVALID', detail);
  }
}

/** Validates a request body or query against a schema; field paths are reported, values never. */
export function parseBody<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidRequestException(
      result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
    );
  }
  return result.data;
}
