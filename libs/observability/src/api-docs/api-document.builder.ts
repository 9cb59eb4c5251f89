import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, PathItemObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

import { errorResponseSchema } from '@loanmesh/contracts';

import type { ApiDocsOptions, ApiRoute, ApiRouteAccess } from './api-docs.options';
import { discoverApiRoutes, operationIdOf } from './api-routes';
import { openApiSchemaOf } from './zod-openapi.schema';

const ERROR_REF = { $ref: '#/components/schemas/ErrorResponse' };
const errorContent = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });

/**
 * The service's OpenAPI document: Nest's scan of its controllers (request and response schemas
 * come from the zod schemas via `ZodBody`/`ZodQuery`/`ZodResponse`), then each operation gets
 * who may call it from the route's guard metadata: its security, `x-roles`, `x-service-callers`
 * and the error shape.
 */
export function buildApiDocument(app: INestApplication, options: ApiDocsOptions): OpenAPIObject {
  const builder = new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1');
  for (const [name, scheme] of Object.entries(options.securitySchemes)) {
    builder.addSecurity(name, scheme);
  }
  const document = SwaggerModule.createDocument(app, builder.build(), { operationIdFactory: operationIdOf });
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ErrorResponse: openApiSchemaOf(errorResponseSchema, 'output') },
  };
  const byOperation = new Map(discoverApiRoutes(app).map((r) => [r.operationId, r]));
  for (const operation of operationsOf(document)) {
    const route = operation.operationId === undefined ? undefined : byOperation.get(operation.operationId);
    if (route) {
      describeAccess(operation, options.accessOf(route), route);
    }
  }
  return document;
}

/** An operation with this project's extensions: who may call it. */
export type DescribedOperation = OperationObject & { 'x-roles'?: string[]; 'x-service-callers'?: string[] };

function describeAccess(operation: DescribedOperation, access: ApiRouteAccess, route: ApiRoute): void {
  operation.security = access.security.map((name) => ({ [name]: [] }));
  const lines: string[] = [];
  if (access.roles) {
    operation['x-roles'] = [...access.roles];
    lines.push(`Roles: ${access.roles.join(', ')}.`);
  }
  if (access.callers) {
    operation['x-service-callers'] = [...access.callers];
    lines.push(`Service callers: ${access.callers.join(', ')}.`);
  }
  if (access.security.length === 0) {
    lines.push('Open: no credential needed.');
  }
  operation.description = [operation.description, ...lines].filter(Boolean).join('\n\n');
  const responses = operation.responses;
  if (access.security.length > 0) {
    responses['401'] ??= errorContent('no valid credential');
    responses['403'] ??= errorContent('the caller may not use this route');
  }
  if (route.method !== 'get' || route.path.includes('{')) {
    responses['4XX'] ??= errorContent('invalid request, not found, conflict or precondition failed');
  }
  responses['5XX'] ??= errorContent('internal error or a dependency unavailable');
}

function operationsOf(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((item: PathItemObject) =>
    (['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const)
      .map((m) => item[m])
      .filter((o): o is OperationObject => o !== undefined),
  );
}
