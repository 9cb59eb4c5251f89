/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { calibrationByDecile, type ModelCard } from '@loanmesh/ml';
import { historyRows, WorldGeneratorService, worldOptions } from '@loanmesh/world';

import { NO_STORED_ARTIFACTS } from '../registry/model-artifact.store';
import { ModelFilesAdapter } from '../registry/model-files.adapter';
import { committedModelVersion } from '../testing/committed-model.factory';
import { ModelLoaderService } from './model-loader.service';
import { OnnxRuntimeAdapter } from './onnx-runtime.adapter';

/**
 * Trainer and serving agree on the PD: the committed recalibrated model, scored through the
 * serving path (ONNX, then the calibration read from its model file) on the world test set it
 * was trained for, reproduces the served decile means its card reports.
 */
const DIR = 'models/world';
const MODEL = 'world-gbm-tabular';

describe('served calibration', () => {
  const served: number[] = [];
  const labels: number[] = [];
  let card: ModelCard;

  beforeAll(async () => {
    const { version, files } = await committedModelVersion(MODEL, { dir: DIR });
    card = files.card as ModelCard;
    const model = await new ModelLoaderService(
      new ModelFilesAdapter(),
      new OnnxRuntimeAdapter(),
      NO_STORED_ARTIFACTS,
    ).load(version);
    const { world, graph } = new WorldGeneratorService().generate(worldOptions(42, 1));
    for (const { split, row } of historyRows(world, graph)) {
      if (split === 'test') {
        served.push((await model.score(row.input)).probabilityOfDefault);
        labels.push(row.label);
      }
    }
    await model.retire();
  }, 120_000);

  it('should carry a recalibration in the committed card when the model is the one this test pins', () => {
    expect(card.calibration.recalibration?.method).toBe('platt');
  });

  it("should reproduce the card's served decile means when scoring through the serving path", () => {
    const bins = calibrationByDecile(served, labels);
    expect(bins).toHaveLength(card.metrics.test.calibration.length);
    bins.forEach((b, i) => {
      const reported = card.metrics.test.calibration[i];
      expect(b.count).toBe(reported.count);
      expect(b.meanPredicted).toBeCloseTo(reported.meanPredicted, 5);
      expect(b.observedRate).toBeCloseTo(reported.observedRate, 10);
    });
  });

  it("should differ from the raw model's decile means when recalibrated", () => {
    const bins = calibrationByDecile(served, labels);
    const shifted = bins.some((b, i) => Math.abs(b.meanPredicted - card.calibration.rawTest[i].meanPredicted) > 1e-3);
    expect(shifted).toBe(true);
  });
});
