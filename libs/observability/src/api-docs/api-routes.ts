import { type INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';

import type { ApiRoute } from './api-docs.options';

/** The operation id the document gives a handler; also how routes are matched to operations. */
export const operationIdOf = (controllerKey: string, methodKey: string): string => `${controllerKey}_${methodKey}`;

/**
 * Every HTTP route of the app from its controllers' metadata (Kafka handlers have no path).
 * Works on an app created with `preview: true`, which builds no provider and connects to nothing.
 */
export function discoverApiRoutes(app: INestApplication): ApiRoute[] {
  const routes: ApiRoute[] = [];
  for (const wrapper of new DiscoveryService(app.get(ModulesContainer)).getControllers()) {
    const controller = wrapper.metatype as Type | null;
    if (controller) {
      routes.push(...routesOf(controller));
    }
  }
  return routes;
}

function routesOf(controller: Type): ApiRoute[] {
  const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) as string | string[]);
  const proto = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto).flatMap((methodName) => {
    const handler = proto[methodName];
    if (methodName === 'constructor' || typeof handler !== 'function') {
      return [];
    }
    const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
    if (sub === undefined) {
      return [];
    }
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase();
    return base.flatMap((b) =>
      ([] as string[]).concat(sub).map((s) => ({
        controller,
        handler: handler as ApiRoute['handler'],
        methodName,
        method,
        path: openApiPathOf(b, s),
        operationId: operationIdOf(controller.name, methodName),
      })),
    );
  });
}

/** `cases` + `:id/decide` → `/cases/{id}/decide`; a wildcard `*path` → `{path}`, as the document has it. */
function openApiPathOf(base: string, sub: string): string {
  const joined = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
  return joined.replace(/[:*]([A-Za-z0-9_]+)/g, '{$1}');
}
