import { z } from 'zod';

import { bool, ConfigValidationError, secret } from '@loanmesh/config';

import { isRole, type Role } from '../role';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** HTTPS, except on the loopback interface (a provider the test suite starts beside the service). */
const httpsUrl = z
  .string()
  .url()
  .refine((text) => {
    const url = new URL(text);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  }, 'must be an https URL (http only on 127.0.0.1 or localhost)');

/** `{"<claim value>": "<role>"}`: which identity-provider group or role becomes which LoanMesh role. */
const roleMap = z
  .string()
  .optional()
  .transform((text, ctx): Readonly<Record<string, Role>> | undefined => {
    if (text === undefined) {
      return undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object {"<claim value>": "<role>"}' });
      return z.NEVER;
    }
    const entries =
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.entries(parsed) : [];
    const bad = entries.filter(([, role]) => !isRole(role)).map(([value]) => value);
    if (entries.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          entries.length === 0
            ? 'must be a non-empty JSON object {"<claim value>": "<role>"}'
            : `unknown role for claim value(s) ${bad.join(', ')}`,
      });
      return z.NEVER;
    }
    return Object.freeze(Object.fromEntries(entries) as Record<string, Role>);
  });

/** The OIDC part of review's configuration (spread into `reviewConfigShape`). */
export const oidcConfigShape = {
  /**
   * Local password sign-in (`POST /auth/login`). With SSO on it may be turned off; turning it
   * back on is the break-glass path when the identity provider is down (see operations.md).
   */
  PASSWORD_SIGN_IN: bool.default(true),
  /** The identity provider's issuer (discovery at `<issuer>/.well-known/openid-configuration`); unset: SSO off. */
  OIDC_ISSUER_URL: httpsUrl.optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Confidential client secret; required when SSO is on, refused in production when weak. */
  OIDC_CLIENT_SECRET: secret(z.string().min(1).optional(), {
    neededWhen: (env) => Boolean(env.OIDC_ISSUER_URL),
  }),
  /** Where the provider sends the browser back: `https://<review host>/auth/oidc/callback`. */
  OIDC_REDIRECT_URL: httpsUrl.optional(),
  OIDC_SCOPES: z
    .string()
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'space-separated scope names')
    .refine((s) => s.split(' ').includes('openid'), 'must include openid')
    .default('openid profile'),
  /** The ID-token claim holding the user's groups or roles (a string or an array of strings). */
  OIDC_ROLE_CLAIM: z.string().min(1).default('groups'),
  OIDC_ROLE_MAP: roleMap,
  /** The ID-token claim that becomes the LoanMesh user name (at most 64 characters). */
  OIDC_USERNAME_CLAIM: z.string().min(1).default('preferred_username'),
  /** Lifetime of the sign-in transaction (state, nonce, PKCE verifier) between redirect and callback. */
  OIDC_TRANSACTION_SECONDS: z.coerce.number().int().min(60).max(1800).default(600),
  /** Where the browser lands after a successful sign-in (the console reads the token from the fragment). */
  OIDC_CONSOLE_PATH: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]*$/, 'a path on this service')
    .default('/console/'),
};

type OidcConfigFields = z.infer<z.ZodObject<typeof oidcConfigShape>>;

/** SSO settings when it is on: every field present. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUrl: URL;
  scopes: string;
  roleClaim: string;
  roleMap: Readonly<Record<string, Role>>;
  usernameClaim: string;
  transactionSeconds: number;
  consolePath: string;
}

/**
 * SSO is on exactly when OIDC_ISSUER_URL is set; then the client, its secret, the redirect URL
 * and the role map must be set too. Called once at boot; names every missing variable.
 */
export function oidcSettingsOf(config: OidcConfigFields): OidcSettings | undefined {
  if (config.OIDC_ISSUER_URL === undefined) {
    if (!config.PASSWORD_SIGN_IN) {
      throw new ConfigValidationError(['PASSWORD_SIGN_IN may be false only when OIDC_ISSUER_URL is set']);
    }
    return undefined;
  }
  const required = {
    OIDC_CLIENT_ID: config.OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: config.OIDC_CLIENT_SECRET,
    OIDC_REDIRECT_URL: config.OIDC_REDIRECT_URL,
    OIDC_ROLE_MAP: config.OIDC_ROLE_MAP,
  };
  const { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL, OIDC_ROLE_MAP } = required;
  if (!OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_REDIRECT_URL || !OIDC_ROLE_MAP) {
    const missing = Object.entries(required).filter(([, v]) => v === undefined);
    throw new ConfigValidationError(
      missing.map(([name]) => `${name} is missing (required when OIDC_ISSUER_URL is set)`),
    );
  }
  return {
    issuer: new URL(config.OIDC_ISSUER_URL),
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    redirectUrl: new URL(OIDC_REDIRECT_URL),
    scopes: config.OIDC_SCOPES,
    roleClaim: config.OIDC_ROLE_CLAIM,
    roleMap: OIDC_ROLE_MAP,
    usernameClaim: config.OIDC_USERNAME_CLAIM,
    transactionSeconds: config.OIDC_TRANSACTION_SECONDS,
    consolePath: config.OIDC_CONSOLE_PATH,
  };
}

export const OIDC_SETTINGS = Symbol('OIDC_SETTINGS');
