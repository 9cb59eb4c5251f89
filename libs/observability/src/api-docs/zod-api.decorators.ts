import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { z } from 'zod';

import { openApiSchemaOf } from './zod-openapi.schema';

/** Documents the request body with the zod schema the handler validates it with. */
export const ZodBody = (schema: z.ZodType, description?: string): MethodDecorator =>
  ApiBody({ schema: openApiSchemaOf(schema, 'input'), required: true, ...(description ? { description } : {}) });

/** Documents a JSON response with the zod schema of what the handler returns. */
export const ZodResponse = (status: number, schema: z.ZodType, description = 'OK'): MethodDecorator =>
  ApiResponse({ status, description, schema: openApiSchemaOf(schema, 'output') });

/** Documents each field of the zod schema (an object, maybe refined) the handler validates its query string with. */
export function ZodQuery(schema: z.ZodType): MethodDecorator {
  const json = openApiSchemaOf(schema, 'input');
  const required = new Set(json.required ?? []);
  const fields = Object.entries(json.properties ?? {}) as [string, SchemaObject][];
  return applyDecorators(
    ...fields.map(([name, field]) =>
      ApiQuery({
        name,
        required: required.has(name),
        schema: field,
        ...(field.description ? { description: field.description } : {}),
      }),
    ),
  );
}
