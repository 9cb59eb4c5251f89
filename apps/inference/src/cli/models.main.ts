import { loadConfig } from '@loanmesh/config';
import { fetchHttpWith, ServiceCredentialIssuer, signerConfig, signerSettings } from '@loanmesh/service-auth';

import { runModelsCli } from './models.cli';

// The operator's calls carry a credential signed with SERVICE_PRIVATE_KEY (locally the development key).
const settings = signerSettings(loadConfig(signerConfig));
const issuer = new ServiceCredentialIssuer({
  issuer: 'operator',
  keyId: settings.keyId,
  privateKey: settings.privateKey,
  ttlSeconds: settings.ttlSeconds,
});
const http = fetchHttpWith((actor) => issuer.headers({ audience: 'inference', ...(actor ? { subject: actor } : {}) }));

void runModelsCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }, http).then(
  (code) => {
    process.exitCode = code;
  },
);
