import { z } from 'zod';

import { ConfigValidationError, loadConfig } from './load-config';
import { KNOWN_DEFAULT_SECRETS, secret, secretProblemOf } from './secret-config';

const STRONG = 'q8V2r7tXk1mZ9pLs4dFh6jWc3nBv5yGe0aQu';

describe(secretProblemOf.name, () => {
  it.each([
    [undefined, 'missing'],
    ['   ', 'missing'],
    ['loanmesh-local-dev-secret-change-me', 'known default'],
    ['please-change-me-before-going-live-0123456789', 'placeholder'],
    ['a-placeholder-that-is-long-enough-0123456789', 'placeholder'],
    ['an-example-value-that-is-long-enough-012345', 'placeholder'],
    ['my-super-secret-signing-value-0123456789abcd', 'placeholder'],
    ['Xk1mZ9pLs4dFh6jWc3nBv5yGe0', 'too short'],
  ])('should name %p as %p when judged for production', (value, problem) => {
    expect(secretProblemOf(value)).toBe(problem);
  });

  it('should accept a long random value and every committed default should be refused', () => {
    expect(secretProblemOf(STRONG)).toBeUndefined();
    for (const value of KNOWN_DEFAULT_SECRETS) {
      expect(secretProblemOf(value)).toBeDefined();
    }
  });
});

describe('loadConfig with secret fields', () => {
  const shape = {
    JWT_SECRET: secret(z.string().min(16).default('loanmesh-local-dev-secret-change-me')),
    SIGNING_KEY: secret(z.string().optional(), { optionalOutsideProduction: true }),
    PLAIN: z.string().default('not-a-secret'),
  };
  const refusal = (env: Record<string, string>): string[] => {
    try {
      loadConfig(shape, env);
    } catch (e) {
      return (e as ConfigValidationError).problems;
    }
    return [];
  };

  it('should refuse to start in production when a secret is the local default and name it', () => {
    expect(refusal({ NODE_ENV: 'production', SIGNING_KEY: STRONG })).toEqual([
      'JWT_SECRET is missing (refused in production)',
    ]);
    expect(
      refusal({ NODE_ENV: 'production', JWT_SECRET: 'loanmesh-local-dev-secret-change-me', SIGNING_KEY: STRONG }),
    ).toEqual(['JWT_SECRET is a committed default value (refused in production)']);
  });

  it('should refuse a short, a placeholder or a missing optional secret when LOANMESH_ENV is production', () => {
    expect(refusal({ LOANMESH_ENV: 'production', JWT_SECRET: 'short-but-16-chars!' })).toEqual([
      'JWT_SECRET is shorter than 32 characters (refused in production)',
      'SIGNING_KEY is missing (refused in production)',
    ]);
    expect(refusal({ LOANMESH_ENV: 'production', JWT_SECRET: `placeholder-${STRONG}`, SIGNING_KEY: STRONG })).toEqual([
      'JWT_SECRET looks like a placeholder (refused in production)',
    ]);
  });

  it('should load with strong secrets in production and never print a secret value', () => {
    const config = loadConfig(shape, { NODE_ENV: 'production', JWT_SECRET: STRONG, SIGNING_KEY: STRONG });
    expect(config.JWT_SECRET).toBe(STRONG);
    expect(refusal({ NODE_ENV: 'production', JWT_SECRET: 'loanmesh-local-dev-secret-change-me' }).join()).not.toContain(
      'loanmesh-local-dev',
    );
  });

  it('should keep the local default and warn naming the variable when not in production', () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const config = loadConfig(shape, {});
      expect(config.JWT_SECRET).toBe('loanmesh-local-dev-secret-change-me');
      expect(config.SIGNING_KEY).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('JWT_SECRET is a committed default value'), {
        code: 'LOANMESH_WEAK_SECRET',
      });
      expect(warn).not.toHaveBeenCalledWith(expect.stringContaining('SIGNING_KEY'), expect.anything());
    } finally {
      warn.mockRestore();
    }
  });

  it('should let a secret of a feature that is off stay unset in production, and judge it once the feature is on', () => {
    const featureShape = {
      JWT_SECRET: secret(z.string().min(16)),
      ISSUER: z.string().optional(),
      CLIENT_SECRET: secret(z.string().optional(), { neededWhen: (env) => Boolean(env.ISSUER) }),
    };
    const refused = (env: Record<string, string>): string[] => {
      try {
        loadConfig(featureShape, env);
        return [];
      } catch (e) {
        return (e as ConfigValidationError).problems;
      }
    };
    expect(refused({ NODE_ENV: 'production', JWT_SECRET: STRONG })).toEqual([]);
    const on = { NODE_ENV: 'production', JWT_SECRET: STRONG, ISSUER: 'https://idp.example' };
    expect(refused({ ...on, CLIENT_SECRET: 'too-short-0123' })).toEqual([
      'CLIENT_SECRET is shorter than 32 characters (refused in production)',
    ]);
    expect(refused(on)).toEqual(['CLIENT_SECRET is missing (refused in production)']);
  });
});
