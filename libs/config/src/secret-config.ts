import type { z } from 'zod';

/** Secrets shorter than this are refused in production (32 characters ~ 190 bits as base64). */
export const MIN_PRODUCTION_SECRET_LENGTH = 32;

/**
 * Values committed to this repository (local defaults, test keys, manifest placeholders):
 * public, so never acceptable in production however long they are.
 */
export const KNOWN_DEFAULT_SECRETS: readonly string[] = [
  'loanmesh-local-dev-secret-change-me',
  'local-development-key-change-me',
  'change-me-in-production-please',
  'change-me-to-a-long-random-secret',
  'replace-with-a-32-byte-random-key',
  'replace-with-a-long-random-signing-secret',
  // The local development service key (DEV_SERVICE_PRIVATE_KEY in libs/service-auth/src/service-keys.ts).
  'MC4CAQAwBQYDK2VwBCIEIFchglt70T25xR4CoSGtOQMyoW6NKYDUb1dCRHXiC8rq',
];

/** Words that mark a value as a placeholder someone forgot to replace. */
const PLACEHOLDER_WORDS = /change-?me|changeit|placeholder|example|replace|secret|password|default|dummy|local-dev/i;

export type SecretProblem = 'missing' | 'known default' | 'placeholder' | 'too short';

interface SecretRule {
  /** Unset outside production is fine (the service has a local fallback, e.g. a key made at boot). */
  optionalOutsideProduction: boolean;
  /**
   * The secret is needed only in some configurations (a SASL password only with a SASL
   * protocol, an OIDC client secret only with SSO on): when this says no for the raw
   * environment, the field is not judged at all.
   */
  neededWhen?: (env: Record<string, string | undefined>) => boolean;
}

const PHRASE: Record<SecretProblem, string> = {
  missing: 'is missing',
  'known default': 'is a committed default value',
  placeholder: 'looks like a placeholder',
  'too short': `is shorter than ${MIN_PRODUCTION_SECRET_LENGTH} characters`,
};

const SECRET_RULES = new WeakMap<z.ZodType, SecretRule>();

/**
 * Marks a config field as a secret: `loadConfig` refuses it in production when it is missing,
 * a committed default, a placeholder or shorter than 32 characters, and warns about a weak one
 * outside production. Returns the same schema, so the field's type is unchanged.
 */
export function secret<T extends z.ZodType>(schema: T, rule: Partial<SecretRule> = {}): T {
  SECRET_RULES.set(schema, {
    optionalOutsideProduction: rule.optionalOutsideProduction ?? false,
    neededWhen: rule.neededWhen,
  });
  return schema;
}

export function isSecretField(schema: z.ZodType): boolean {
  return SECRET_RULES.has(schema);
}

/** Production is `NODE_ENV=production` (the container image sets it) or `LOANMESH_ENV=production`. */
export function isProductionEnv(env: Record<string, string | undefined>): boolean {
  return env.NODE_ENV === 'production' || env.LOANMESH_ENV === 'production';
}

/** Why a secret value is unsafe for production, or undefined when it is acceptable. */
export function secretProblemOf(value: string | undefined): SecretProblem | undefined {
  if (value === undefined || value.trim() === '') {
    return 'missing';
  }
  if (KNOWN_DEFAULT_SECRETS.includes(value)) {
    return 'known default';
  }
  // A PEM key's base64 body may contain any word by chance; its length is checked by its own schema.
  if (!value.startsWith('-----BEGIN') && PLACEHOLDER_WORDS.test(value)) {
    return 'placeholder';
  }
  if (value.length < MIN_PRODUCTION_SECRET_LENGTH) {
    return 'too short';
  }
  return undefined;
}

/**
 * Checks every secret field of a shape against the raw environment and the parsed values.
 * Returns the production refusals (`errors`) and the local warnings (`warnings`), each naming
 * the variable and never its value.
 */
export function auditSecrets(
  shape: z.ZodRawShape,
  env: Record<string, string | undefined>,
  parsed: Record<string, unknown>,
): { errors: string[]; warnings: string[] } {
  const production = isProductionEnv(env);
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    const rule = SECRET_RULES.get(schema as z.ZodType);
    if (!rule || (rule.neededWhen && !rule.neededWhen(env))) {
      continue;
    }
    const raw = env[name];
    const value = parsed[name];
    if (production) {
      // The schema's local default must not stand in for a secret production forgot to set.
      const problem = raw === undefined ? 'missing' : secretProblemOf(typeof value === 'string' ? value : undefined);
      if (problem) {
        errors.push(`${name} ${PHRASE[problem]} (refused in production)`);
      }
      continue;
    }
    if (raw === undefined && rule.optionalOutsideProduction && value === undefined) {
      continue;
    }
    const problem = secretProblemOf(typeof value === 'string' ? value : undefined);
    if (problem) {
      warnings.push(`${name} ${PHRASE[problem]}: accepted locally, refused in production`);
    }
  }
  return { errors, warnings };
}
