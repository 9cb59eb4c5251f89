import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

import { verifyBundle } from './audit-bundle';
import { parsePinnedKeys } from './audit-keys';

/**
 * Offline check of a signed audit bundle, for auditors and regulators:
 *   npm run audit:verify-bundle -- <bundle.ndjson> <pinned-keys>
 * The pinned keys: a JSON object `{ "<key id>": "<public key PEM>" }` (the `verifyKeys` of
 * GET /audit/signing-key, obtained and kept out of band: the current key and the rotated-out
 * ones), or one PEM public key. Checks genesis, contiguity, every hash (unmasked bundles),
 * every checkpoint and the signed manifest. Exit 0: intact; 1: the bundle fails a check
 * (each problem printed); 2: bad arguments.
 */
async function main(argv: string[]): Promise<number> {
  const [bundlePath, keyPath] = argv;
  if (!bundlePath || !keyPath) {
    console.error('usage: npm run audit:verify-bundle -- <bundle.ndjson> <pinned-keys.json | public-key.pem>');
    return 2;
  }
  for (const path of [bundlePath, keyPath]) {
    if (!existsSync(path)) {
      console.error(`no such file: ${path}`);
      return 2;
    }
  }
  const lines = createInterface({ input: createReadStream(bundlePath), crlfDelay: Infinity });
  try {
    const result = await verifyBundle(lines, parsePinnedKeys(readFileSync(keyPath, 'utf8')));
    if (result.ok) {
      console.log(
        `OK: ${result.decisions} decisions, ${result.masked ? 'masked' : 'unmasked'}, ${result.checkpoints} checkpoints, chain head ${result.lastHash ?? '(empty)'}`,
      );
      return 0;
    }
    console.error(`FAILED: ${result.decisions} decisions read`);
    result.problems.forEach((p) => console.error(`  - ${p}`));
    return 1;
  } catch (e) {
    console.error(`cannot verify: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
