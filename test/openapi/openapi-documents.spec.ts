/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';

import { type ApiRoute, buildApiDocument, type DescribedOperation, discoverApiRoutes } from '@loanmesh/observability';
import { SERVICE_CALLERS_KEY } from '@loanmesh/service-auth';

import { PUBLIC_KEY, ROLES_KEY } from '../../apps/review/src/auth/roles.decorator';
import {
  clientTypesOf,
  clientTypesPathOf,
  documentPathOf,
  documentText,
  routeAccessModuleOf,
  routeAccessPathOf,
} from '../../scripts/openapi/openapi-files';
import { API_SERVICES, withPreviewApp } from '../../scripts/openapi/service-api-documents';

jest.setTimeout(120_000);

const reflector = new Reflector();
const metadataOf = <T>(key: string, route: ApiRoute): T | undefined =>
  reflector.getAllAndOverride<T | undefined>(key, [route.handler, route.controller]);

describe.each(API_SERVICES)('the %s OpenAPI document', (service) => {
  let document: OpenAPIObject;
  let routes: ApiRoute[];
  let dir: string;

  beforeAll(async () => {
    ({ document, routes } = await withPreviewApp(service, (app, docs) => ({
      document: buildApiDocument(app, docs),
      routes: discoverApiRoutes(app),
    })));
    dir = mkdtempSync(join(tmpdir(), 'openapi-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // A failure here means the committed files are stale: run `npm run openapi` and commit the result.
  it('should equal the committed openapi json when regenerated', () => {
    expect({ file: documentPathOf(service), text: readFileSync(documentPathOf(service), 'utf8') }).toEqual({
      file: documentPathOf(service),
      text: documentText(document),
    });
  });

  it('should equal the committed client types and route access when regenerated', () => {
    const fresh = join(dir, `${service}.openapi.json`);
    writeFileSync(fresh, documentText(document));
    expect(readFileSync(clientTypesPathOf(service), 'utf8')).toBe(clientTypesOf(fresh));
    expect(readFileSync(routeAccessPathOf(service), 'utf8')).toBe(routeAccessModuleOf(service, document));
  });

  it('should describe every controller route with who may call it', () => {
    expect(routes.length).toBeGreaterThan(3);
    for (const route of routes) {
      const operation = (document.paths[route.path] as Record<string, DescribedOperation> | undefined)?.[route.method];
      expect({ route: `${route.method} ${route.path}`, operationId: operation?.operationId }).toEqual({
        route: `${route.method} ${route.path}`,
        operationId: route.operationId,
      });
      const roles = metadataOf<string[]>(ROLES_KEY, route);
      const open = metadataOf<boolean>(PUBLIC_KEY, route) === true;
      if (service === 'review' && roles && !open) {
        expect({ route: route.operationId, roles: operation?.['x-roles'] }).toEqual({ route: route.operationId, roles });
        expect(operation?.security).toEqual([{ bearer: [] }]);
      }
      const callers = metadataOf<string[]>(SERVICE_CALLERS_KEY, route);
      expect({ route: route.operationId, callers: operation?.['x-service-callers'] }).toEqual({
        route: route.operationId,
        callers,
      });
    }
  });

  it('should describe the error shape every service answers with', () => {
    expect(document.components?.schemas?.ErrorResponse).toMatchObject({
      required: expect.arrayContaining(['message', 'correlationId']) as unknown,
    });
  });
});
