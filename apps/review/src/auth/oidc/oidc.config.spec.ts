import { ConfigValidationError, loadConfig } from '@loanmesh/config';

import { reviewConfigShape } from '../../config/review.config';
import { oidcConfigShape, oidcSettingsOf } from './oidc.config';

const BASE = {
  HTTP_PORT: '3004',
  SERVICE_NAME: 'review',
  KAFKA_BROKERS: '127.0.0.1:9092',
  KAFKA_CLIENT_ID: 'review',
  KAFKA_GROUP_ID: 'review',
  DATABASE_URL: 'postgres://review@127.0.0.1:5432/review',
};

const STRONG = 'q8V2r7tXk1mZ9pLs4dFh6jWc3nBv5yGe0aQu';
const SSO = {
  OIDC_ISSUER_URL: 'https://idp.bank.example/realms/staff',
  OIDC_CLIENT_ID: 'loanmesh-review',
  OIDC_CLIENT_SECRET: STRONG,
  OIDC_REDIRECT_URL: 'https://review.bank.example/auth/oidc/callback',
  OIDC_ROLE_MAP: '{"LoanMesh-Officers":"officer","cn=lm-admins,ou=groups,dc=bank":"admin"}',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    oidcSettingsOf(loadConfig(reviewConfigShape, { ...BASE, ...env }));
    return [];
  } catch (e) {
    if (e instanceof ConfigValidationError) {
      return e.problems;
    }
    throw e;
  }
}

describe('OIDC configuration', () => {
  it('should leave SSO off without an issuer, and keep password sign-in on', () => {
    const config = loadConfig(reviewConfigShape, BASE);
    expect(oidcSettingsOf(config)).toBeUndefined();
    expect(config.PASSWORD_SIGN_IN).toBe(true);
  });

  it('should read the settings, with a role map whose keys may hold commas and equals signs', () => {
    const settings = oidcSettingsOf(
      loadConfig(reviewConfigShape, { ...BASE, ...SSO, OIDC_ROLE_CLAIM: 'loanmesh_roles' }),
    );
    expect(settings).toMatchObject({
      clientId: 'loanmesh-review',
      roleClaim: 'loanmesh_roles',
      usernameClaim: 'preferred_username',
      scopes: 'openid profile',
      roleMap: { 'LoanMesh-Officers': 'officer', 'cn=lm-admins,ou=groups,dc=bank': 'admin' },
    });
    expect(settings?.issuer.href).toBe('https://idp.bank.example/realms/staff');
  });

  it('should name every missing companion of the issuer', () => {
    expect(problemsOf({ OIDC_ISSUER_URL: SSO.OIDC_ISSUER_URL })).toEqual([
      'OIDC_CLIENT_ID is missing (required when OIDC_ISSUER_URL is set)',
      'OIDC_CLIENT_SECRET is missing (required when OIDC_ISSUER_URL is set)',
      'OIDC_REDIRECT_URL is missing (required when OIDC_ISSUER_URL is set)',
      'OIDC_ROLE_MAP is missing (required when OIDC_ISSUER_URL is set)',
    ]);
  });

  it.each([
    ['OIDC_ROLE_MAP', '{"LoanMesh-Officers":"superuser"}', 'unknown role for claim value(s) LoanMesh-Officers'],
    ['OIDC_ROLE_MAP', '{}', 'non-empty'],
    ['OIDC_ROLE_MAP', 'officers=officer', 'JSON object'],
    ['OIDC_ISSUER_URL', 'http://idp.bank.example', 'https'],
    ['OIDC_REDIRECT_URL', 'http://review.bank.example/auth/oidc/callback', 'https'],
    ['OIDC_SCOPES', 'profile email', 'openid'],
  ])('should refuse %s=%p', (name, value, message) => {
    expect(problemsOf({ ...SSO, [name]: value }).join()).toContain(message);
  });

  it('should accept plain http only for a loopback issuer (the test provider)', () => {
    expect(problemsOf({ ...SSO, OIDC_ISSUER_URL: 'http://127.0.0.1:4000' })).toEqual([]);
  });

  it('should refuse turning password sign-in off while SSO is off (nobody could sign in)', () => {
    expect(problemsOf({ PASSWORD_SIGN_IN: 'false' })).toEqual([
      'PASSWORD_SIGN_IN may be false only when OIDC_ISSUER_URL is set',
    ]);
    expect(problemsOf({ ...SSO, PASSWORD_SIGN_IN: 'false' })).toEqual([]);
  });

  it('should judge the client secret in production only when SSO uses it', () => {
    const prod = { NODE_ENV: 'production' };
    const refused = (env: Record<string, string>): string => {
      try {
        loadConfig(oidcConfigShape, env);
        return '';
      } catch (e) {
        return (e as ConfigValidationError).problems.join();
      }
    };
    expect(refused(prod)).not.toContain('OIDC_CLIENT_SECRET');
    expect(refused({ ...prod, ...SSO, OIDC_CLIENT_SECRET: 'short' })).toContain(
      'OIDC_CLIENT_SECRET is shorter than 32 characters (refused in production)',
    );
  });
});
