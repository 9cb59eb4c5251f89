/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { SyntheticHistoryFactory } from '@loanmesh/features';

import { checkLiveParity } from '../registry/parity.gate';
import { NO_STORED_ARTIFACTS } from '../registry/model-artifact.store';
import { ModelFilesAdapter } from '../registry/model-files.adapter';
import type { ModelVersionEntity } from '../registry/model-version.entity';
import { committedModelVersion } from '../testing/committed-model.factory';
import { ModelLoaderService } from './model-loader.service';
import { OnnxRuntimeAdapter } from './onnx-runtime.adapter';

const DIR = 'models/world';

async function registered(name: string): Promise<ModelVersionEntity> {
  return (await committedModelVersion(name, { dir: DIR })).version;
}

describe(ModelLoaderService.name, () => {
  const sut = new ModelLoaderService(new ModelFilesAdapter(), new OnnxRuntimeAdapter(), NO_STORED_ARTIFACTS);
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
