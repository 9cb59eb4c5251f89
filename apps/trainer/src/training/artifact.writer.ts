import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderModelCardMarkdown } from '@loanmesh/ml';

import type { ModelArtifact } from './model-artifact.builder';

/**
 * Writes <name>.onnx, .card.json, .card.md, .meta.json, .model.json (trees for TreeSHAP) and
 * .references.json (training medians that reason codes are judged against).
 */
export function writeArtifact(outDir: string, artifact: ModelArtifact): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: [string, string | Uint8Array][] = [
    [`${artifact.name}.onnx`, artifact.onnx],
    [`${artifact.name}.card.json`, JSON.stringify(artifact.card, null, 2) + '\n'],
    [`${artifact.name}.card.md`, renderModelCardMarkdown(artifact.card)],
    [`${artifact.name}.meta.json`, JSON.stringify(artifact.meta, null, 2) + '\n'],
    [`${artifact.name}.model.json`, JSON.stringify(artifact.modelJson) + '\n'],
    [`${artifact.name}.references.json`, JSON.stringify(artifact.references, null, 2) + '\n'],
  ];
  return files.map(([file, content]) => {
    writeFileSync(join(outDir, file), content);
    return join(outDir, file);
  });
}
