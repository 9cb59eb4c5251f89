import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * The console: scripts, styles, images and API calls from this origin only; no inline script
 * or style, no plugins, never framed, no base-URI or form tricks.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** API answers are data, never documents: nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Security headers on every review response. API answers also get `Cache-Control: no-store`
 * (personal data must not stay in browser or proxy caches); a handler may still set its own.
 */
@Injectable()
export class SecurityHeadersMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    // Mounted on a path pattern, so `req.path` is relative to it: classify by the full URL.
    const path = req.originalUrl.split('?')[0];
    const isConsole = path === '/console' || path.startsWith('/console/');
    res.removeHeader('X-Powered-By');
    res.setHeader('Content-Security-Policy', isConsole ? CONSOLE_CSP : API_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    // Browsers honour it only over HTTPS (the bank's ingress terminates TLS); harmless over HTTP.
    res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (!isConsole) {
      res.setHeader('Cache-Control', 'no-store');
    }
    next();
  }
}
