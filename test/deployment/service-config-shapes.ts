import { generateKeyPairSync } from 'node:crypto';

import { publicKeyText } from '@loanmesh/service-auth';

import { graphConfigShape } from '../../apps/graph/src/config/graph.config';
import { inferenceConfigShape } from '../../apps/inference/src/config/inference.config';
import { ingestionConfigShape } from '../../apps/ingestion/src/config/ingestion.config';
import { reviewConfigShape } from '../../apps/review/src/config/review.config';

/** Each deployable service and the config schema it validates at boot. */
export const SERVICE_CONFIG_SHAPES = {
  ingestion: ingestionConfigShape,
  graph: graphConfigShape,
  inference: inferenceConfigShape,
  review: reviewConfigShape,
} as const;

export type ServiceName = keyof typeof SERVICE_CONFIG_SHAPES;
export const SERVICE_NAMES = Object.keys(SERVICE_CONFIG_SHAPES) as ServiceName[];

/**
 * Stand-in values an operator would put in a service's Secret for the service-credential
 * variables (a fresh Ed25519 key, its id, a trusted-key list), or undefined for other names.
 */
export function serviceKeyValue(name: string): string | undefined {
  const pair = generateKeyPairSync('ed25519');
  switch (name) {
    case 'SERVICE_PRIVATE_KEY':
      return pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    case 'SERVICE_KEY_ID':
      return 'svc-2026-12';
    case 'SERVICE_TRUSTED_KEYS':
      return `review-2026-12=review:${publicKeyText(pair.publicKey)},graph-2026-12=graph:${publicKeyText(
        generateKeyPairSync('ed25519').publicKey,
      )}`;
    default:
      return undefined;
  }
}
