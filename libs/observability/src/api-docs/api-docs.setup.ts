import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';

import type { ApiDocsOptions } from './api-docs.options';
import { buildApiDocument } from './api-document.builder';

export const API_DOCS_PATH = 'docs';
export const API_DOCS_JSON_PATH = 'docs/json';

/** Swagger UI's own page: its scripts and styles from this origin (it inlines one style block). */
export const API_DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Serves Swagger UI at `/docs` (its assets from the installed swagger-ui-dist, nothing from a
 * CDN) and the document at `/docs/json`, when enabled. Open like the probes: it describes
 * routes, each of which still demands its own credential (docs/security.md).
 */
export function serveApiDocs(app: INestApplication, options: ApiDocsOptions): void {
  if (!options.enabled) {
    return;
  }
  app.use(`/${API_DOCS_PATH}`, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', API_DOCS_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });
  SwaggerModule.setup(API_DOCS_PATH, app, buildApiDocument(app, options), {
    jsonDocumentUrl: API_DOCS_JSON_PATH,
    raw: ['json'],
    customSiteTitle: `${options.title}: API`,
  });
}
