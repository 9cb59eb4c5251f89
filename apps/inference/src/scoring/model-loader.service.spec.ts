/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { SyntheticHistoryFactory } from '@loanmesh/features';

import { checkLiveParity } from '../registry/parity.gate';
import { ModelFilesAdapter } from '../registry/model-files.adapter';
import type { ModelVersionEntity } from '../registry/model-version.entity';
import { ModelLoaderService } from './model-loader.service';
import { OnnxRuntimeAdapter } from './onnx-runtime.adapter';

const DIR = 'models/world';

async function registered(name: string): Promise<ModelVersionEntity> {
  const files = await new ModelFilesAdapter().read(DIR, name);
  const meta = files.meta as { modelKind: 'gbm' | 'scorecard'; featureNames: string[] };
  return {
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
    state: 'candidate',
    registeredAt: new Date(),
    stateChangedAt: new Date(),
  };
}

describe(ModelLoaderService.name, () => {
  const sut = new ModelLoaderService(new ModelFilesAdapter(), new OnnxRuntimeAdapter());
  const applications = new SyntheticHistoryFactory(3).rows(50);

  it.each(['world-gbm-graph', 'world-gbm-tabular', 'world-scorecard-graph', 'world-scorecard-tabular'])(
    'should give contributions that add up to the ONNX logit when %s scores an application',
    async (name) => {
      const model = await sut.load(await registered(name));
      try {
        for (const { input } of applications) {
          const score = await model.score(input);
          const sum = score.contributions.reduce((s, c) => s + c, score.baseValue);
          expect(Math.abs(sum - score.logit)).toBeLessThan(1e-4);
          expect(score.reasons.length).toBeLessThanOrEqual(4);
          expect(score.reasons.every((r) => r.contribution > 0 && r.text.length > 0)).toBe(true);
        }
      } finally {
        await model.retire();
      }
    },
  );

  it('should pass the live parity gate when the model is the trainer output', async () => {
    const model = await sut.load(await registered('world-gbm-graph'));

    const report = await checkLiveParity(model);
    await model.retire();

    expect(report.passed).toBe(true);
    expect(report.maxAbsDifference).toBeLessThan(1e-5);
  });

  it('should refuse to load when the file hash differs from the registered one', async () => {
    const version = { ...(await registered('world-gbm-graph')), sha256: '0'.repeat(64) };

    await expect(sut.load(version)).rejects.toMatchObject({ code: 'MODEL_LOAD_FAILED' });
  });
});
