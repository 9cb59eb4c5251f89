import type { Type } from '@nestjs/common';
import type { SecuritySchemeObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** One HTTP route as Nest registered it, with the OpenAPI form of its path (`/cases/{id}`). */
export interface ApiRoute {
  controller: Type;
  handler: (...args: never[]) => unknown;
  methodName: string;
  /** Lower-case HTTP method, as OpenAPI keys operations. */
  method: string;
  path: string;
  operationId: string;
}

/** Who may call a route, read from the route's own guard metadata (never copied by hand). */
export interface ApiRouteAccess {
  /** The document's security schemes the route accepts (any one of them); empty: open. */
  security: readonly string[];
  /** The user roles the route admits (`x-roles`). */
  roles?: readonly string[];
  /** The services whose credential the route accepts (`x-service-callers`); unset: any. */
  callers?: readonly string[];
}

/** How one service describes its API; served at `/docs` by `serveApiDocs`. */
export interface ApiDocsOptions {
  /** Serve `/docs` and `/docs/json` (the `API_DOCS_ENABLED` setting; off in production by default). */
  enabled: boolean;
  title: string;
  description: string;
  securitySchemes: Readonly<Record<string, SecuritySchemeObject>>;
  accessOf(route: ApiRoute): ApiRouteAccess;
}
