// Four tiers: unit (*.spec.ts, fakes allowed), integration (*.int-spec.ts, the real
// Kafka, Neo4j and PostgreSQL), security (the integration suites listed below that prove the
// controls of docs/security.md's threat model) and e2e (test/e2e, whole services). `npm test`
// runs all.
const fs = require('fs');
const path = require('path');
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  const from = '^' + alias.replace('/*', '/(.*)') + '$';
  moduleNameMapper[from] = '<rootDir>/' + target.replace('/*', '/$1');
}
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
  },
];
// ESM-only packages (the OIDC client and what it imports; @nestjs/typeorm from 12): Node loads
// them with require() at run time, but Jest's module registry cannot on Node 20, so they are
// transpiled to CommonJS like our sources.
const ESM_PACKAGES = ['openid-client', 'oauth4webapi', 'jose', '@nestjs/typeorm'];
const swcEsm = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
// The security tier: real-infrastructure suites that attack LoanMesh (forged, foreign and
// revoked tokens, calls without a service credential, unsafe production secrets, insider
// rewrites of the ledger, Kafka without rights, a login flood). They keep their `.int-spec.ts`
// names beside the code they test; the integration project skips them so none runs twice.
const SECURITY_SUITES = [
  'apps/review/src/auth/sign-in-security.int-spec.ts',
  'apps/review/src/auth/oidc/oidc-sign-in.int-spec.ts',
  'apps/review/src/auth/role-matrix.int-spec.ts',
  'apps/review/src/audit/audit-insider.int-spec.ts',
  'test/security/route-matrix.int-spec.ts',
  'test/deployment/production-secrets.int-spec.ts',
  'test/deployment/kafka-service-users.int-spec.ts',
  'libs/kafka/src/kafka-transport-security.int-spec.ts',
];
// A renamed or moved suite would silently leave both tiers: refuse to load instead.
for (const f of SECURITY_SUITES) {
  if (!fs.existsSync(path.join(__dirname, f))) {
    throw new Error(`jest.config.cjs: security suite ${f} does not exist (renamed? update SECURITY_SUITES)`);
  }
}
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const base = {
  transform: { '^.+\\.ts$': swc, [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: swcEsm },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test,bench,scripts}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test,bench}/**/*.int-spec.ts'],
      testPathIgnorePatterns: [
        '/node_modules/',
        ...SECURITY_SUITES.map((f) => `^${escapeRegExp(__dirname)}/${escapeRegExp(f)}$`),
      ],
      slowTestThreshold: 30,
    },
    {
      ...base,
      displayName: 'security',
      testMatch: SECURITY_SUITES.map((f) => `<rootDir>/${f}`),
      slowTestThreshold: 30,
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], slowTestThreshold: 120 },
  ],
};
