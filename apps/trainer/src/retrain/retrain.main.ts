import { loadConfig } from '@loanmesh/config';
import { fetchHttpWith, ServiceCredentialIssuer, signerSettings } from '@loanmesh/service-auth';

import { httpInference } from './inference.client';
import { runRetrainCli } from './retrain.cli';
import { retrainConfigShape } from './retrain.config';

// The operator's calls carry a credential signed with SERVICE_PRIVATE_KEY (locally the development key).
const config = loadConfig(retrainConfigShape);
const settings = signerSettings(config);
const issuer = new ServiceCredentialIssuer({
  issuer: 'operator',
  keyId: settings.keyId,
  privateKey: settings.privateKey,
  ttlSeconds: settings.ttlSeconds,
});
const http = fetchHttpWith((actor) => issuer.headers({ audience: 'inference', ...(actor ? { subject: actor } : {}) }));

void runRetrainCli(
  process.argv.slice(2),
  { out: (l) => console.log(l), err: (l) => console.error(l) },
  config,
  httpInference(config.INFERENCE_URL, http),
).then((code) => {
  process.exitCode = code;
});
