import { Command } from 'commander';

import { loadConfig } from '@loanmesh/config';

import { signerConfig } from '../service-auth.config';
import { signerSettings } from '../service-auth.settings';
import { SERVICE_CREDENTIAL_HEADER } from '../service-credential';
import { ServiceCredentialIssuer } from '../service-credential.issuer';
import { SERVICE_NAME_PATTERN } from '../service-keys';

/**
 * `npm run service-token -- --issuer review --audience inference`: prints one service
 * credential for an operator's call (curl -H "x-service-credential: ..."). It signs with
 * SERVICE_PRIVATE_KEY / SERVICE_KEY_ID from the environment, or locally with the development key.
 */
const program = new Command()
  .name('service-token')
  .requiredOption('--issuer <service>', 'the calling service the credential names (iss)')
  .requiredOption('--audience <service>', 'the service it is for (aud)')
  .option('--subject <name>', 'who acts (sub); defaults to the issuer')
  .option('--roles <list>', 'comma-separated roles of the acting person')
  .option('--header', 'print the whole header line instead of the bare credential')
  .action((o: { issuer: string; audience: string; subject?: string; roles?: string; header?: boolean }) => {
    for (const name of [o.issuer, o.audience]) {
      if (!SERVICE_NAME_PATTERN.test(name)) {
        throw new Error(`${name} is not a lower-case service name`);
      }
    }
    const settings = signerSettings(loadConfig(signerConfig));
    const issuer = new ServiceCredentialIssuer({
      issuer: o.issuer,
      keyId: settings.keyId,
      privateKey: settings.privateKey,
      ttlSeconds: settings.ttlSeconds,
    });
    const roles = o.roles?.split(',').filter((r) => r !== '');
    const token = issuer.issue({
      audience: o.audience,
      ...(o.subject ? { subject: o.subject } : {}),
      ...(roles && roles.length > 0 ? { roles } : {}),
    });
    process.stdout.write(o.header ? `${SERVICE_CREDENTIAL_HEADER}: ${token}\n` : `${token}\n`);
  });

try {
  program.parse(process.argv);
} catch (e) {
  process.stderr.write(`service-token: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
