import { ModelFilesAdapter, type ModelFiles } from '../registry/model-files.adapter';
import type { ModelVersionEntity } from '../registry/model-version.entity';

/**
 * A committed model (models/<dir>/<name>.*) as the registry would hold it, without a database:
 * what unit tests and benchmarks load through ModelLoaderService to score on the serving path.
 */
export async function committedModelVersion(
  name: string,
  options: { dir?: string; state?: ModelVersionEntity['state'] } = {},
): Promise<{ version: ModelVersionEntity; files: ModelFiles }> {
  const files = await new ModelFilesAdapter().read(options.dir ?? 'models/world', name);
  const meta = files.meta as { modelKind: 'gbm' | 'scorecard'; featureNames: string[] };
  const now = new Date();
  const version: ModelVersionEntity = {
    id: '11111111-1111-4111-8111-111111111111',
    name,
    version: 1,
    kind: meta.modelKind,
    sha256: files.sha256,
    filePath: files.onnxPath,
    fileBytes: files.onnx.length,
    featureNames: meta.featureNames,
    featureVersion: 'lm-features-1.0.0',
    includesGraph: name.endsWith('-graph'),
    card: files.card as object,
    state: options.state ?? 'candidate',
    registeredAt: now,
    stateChangedAt: now,
  };
  return { version, files };
}
