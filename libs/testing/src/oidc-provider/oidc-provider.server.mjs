// A real OpenID Connect provider (panva/oidc-provider) for integration tests, run as a child
// process by oidc-test-provider.ts. Configuration arrives as JSON in OIDC_TEST_PROVIDER_CONFIG:
// { issuerHost, client: { id, secret, redirectUri }, users: { <login>: { <claim>: value } } };
// it listens on a free port of 127.0.0.1 and its issuer is http://<issuerHost>:<port>.
// PKCE (S256) is required, ID tokens are RS256-signed with a key made at start, and claims of
// the requested scopes are put into the ID token. The login page is the provider's development
// interaction (any password for a known login). `PUT /test-admin/users/<login>` with a JSON
// body replaces that user's claims while the provider runs (a role changed at the IdP).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_PROVIDER_CONFIG ?? '{}');
const users = new Map(Object.entries(config.users ?? {}));

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key-1', alg: 'RS256', use: 'sig' };

function createProvider(issuer) {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: config.client.id,
        client_secret: config.client.secret,
        redirect_uris: [config.client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      loanmesh: ['loanmesh_roles', 'groups'],
    },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const claims = users.get(id);
      if (!claims) {
        return undefined;
      }
      return { accountId: id, claims: async () => ({ sub: id, ...users.get(id) }) };
    },
  });
  // The development interactions warn on every start; tests read the log only when they fail.
  provider.on('server_error', (_ctx, err) => console.error('[oidc-provider] server_error', err));
  return provider;
}

const server = createServer((req, res) => {
  const admin = /^\/test-admin\/users\/([^/?]+)$/.exec(req.url ?? '');
  if (admin && req.method === 'PUT') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      users.set(decodeURIComponent(admin[1]), JSON.parse(body));
      res.writeHead(204).end();
    });
    return;
  }
  handle(req, res);
});
// The issuer names the port, so the provider is built once the port is known.
let handle = (_req, res) => res.writeHead(503).end();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const provider = createProvider(`http://${config.issuerHost ?? '127.0.0.1'}:${port}`);
  handle = provider.callback();
  console.log(`OIDC_TEST_PROVIDER_READY ${port}`);
});
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
