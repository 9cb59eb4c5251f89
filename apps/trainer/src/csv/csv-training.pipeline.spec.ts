/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  categoricalSpecEntry,
  type FeatureDescriptor,
  SeededRandom,
  TreeShapExplainer,
  type TreeEnsembleModel,
  topReasons,
} from '@loanmesh/ml';

import { parseHyperParameters } from '../cli/cli-options.parser';
import { trainFromCsv } from './csv-training.pipeline';

/** Regions r1, r4 and r7 default often, the rest rarely: no order of the names separates them. */
const RISKY = new Set(['r1', 'r4', 'r7']);

function syntheticCsv(rows: number): string {
  const random = new SeededRandom(5);
  const lines = ['income,noise,region,class'];
  for (let i = 0; i < rows; i++) {
    const income = Math.round(random.next() * 100);
    const region = `r${random.int(10)}`;
    const logit = (RISKY.has(region) ? 1.6 : -1.6) - 0.01 * (income - 50);
    const bad = random.next() < 1 / (1 + Math.exp(-logit));
    const cell = random.next() < 0.05 ? '' : region;
    lines.push(`${income},${Math.round(random.next() * 1000)},${cell},${bad ? 'bad' : 'good'}`);
  }
  return lines.join('\n') + '\n';
}

describe(trainFromCsv.name, () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'csv-categorical-'));
    writeFileSync(join(dir, 'regions.csv'), syntheticCsv(1000));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should learn a categorical column as one coded feature, store its coding and name the category in reasons', async () => {
    const [artifact] = await trainFromCsv(
      join(dir, 'regions.csv'),
      { label: 'class', positive: 'bad' },
      {
        out: join(dir, 'models'),
        name: 'regions',
        seed: 3,
        folds: 2,
        kinds: ['gbm'],
        approvalRate: 0.7,
        hyperParameters: parseHyperParameters({
          models: 'gbm',
          seed: '3',
          folds: '2',
          approvalRate: '0.7',
          trees: '60',
        }),
      },
    );

    expect(artifact.card.featureNames).toEqual(['income', 'noise', 'region']);
    const meta = JSON.parse(readFileSync(join(dir, 'models', 'regions-gbm.meta.json'), 'utf8')) as {
      featureSpec: FeatureDescriptor[];
    };
    const region = meta.featureSpec[2];
    // The three risky regions get the three highest codes, whatever their names.
    expect(new Set(region.categories?.slice(7))).toEqual(RISKY);
    expect(artifact.card.categoryCodes).toEqual({ region: region.categories });
    expect(readFileSync(join(dir, 'models', 'regions-gbm.card.md'), 'utf8')).toContain(
      `- region: 0 ${region.categories?.[0]}; 1 ${region.categories?.[1]};`,
    );
    expect(artifact.card.parity.passed).toBe(true);
    expect(artifact.card.metrics.test.auc).toBeGreaterThan(0.75);
    const importance = artifact.card.featureImportance.values;
    expect(importance.reduce((a, b) => (b.value > a.value ? b : a)).feature).toBe('region');

    const spec = meta.featureSpec.map(
      (d) =>
        categoricalSpecEntry(d) ?? {
          ...d,
          group: 'tabular' as const,
          direction: 'indicator' as const,
          reason: { format: 'flag' as const, text: d.description },
        },
    );
    const row = Float64Array.from([50, 500, region.categories?.indexOf('r4') ?? NaN]);
    const { contributions } = new TreeShapExplainer(artifact.model as TreeEnsembleModel).explain(row);
    const reasons = topReasons({ contributions, values: row, spec, limit: 1 });
    expect(reasons.map((r) => r.text)).toEqual(['region is "r4"']);
  }, 120_000);
});
