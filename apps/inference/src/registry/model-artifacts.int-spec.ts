/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ModelLoaderService } from '../scoring/model-loader.service';
import { committedChampion } from '../testing/committed-champion';
import { httpJson, type InferenceTestApp, startInferenceApp } from '../testing/inference-test.app';
import { ModelCatalogService } from './model-catalog.service';
import { sha256Of } from './model-files.adapter';
import { ModelRegistryRepository } from './model-registry.repository';

interface ModelRow {
  name: string;
  version: number;
  state: string;
  sha256: string;
}

/**
 * A retrained model written over the trainer's file of the same name (as `git pull` of new
 * models does to a running installation): the registered champion keeps serving from the
 * registry's stored copy, and the new file becomes the next version, a candidate.
 */
describe('Model artifacts kept by the registry', () => {
  let t: InferenceTestApp;
  let dir: string;
  const champion = committedChampion();
  const original = sha256Of(readFileSync(`models/world/${champion.name}.onnx`));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inference-artifacts-'));
    cpSync('models/world', dir, { recursive: true });
    t = await startInferenceApp({ MODEL_DIR: dir });
    // "Retrained": other bytes, registered nowhere yet, under the champion's file name.
    copyFileSync('models/german-credit/german-credit-gbm.onnx', join(dir, `${champion.name}.onnx`));
  }, 120000);

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should load the registered champion from its stored copy after its file was replaced', async () => {
    const registered = await t.app.get(ModelRegistryRepository).findInState('champion');

    const loaded = await t.app.get(ModelLoaderService).load(registered!);

    expect(loaded.identity).toMatchObject({ label: champion.label, sha256: original });
  });

  it('should register the replaced file as the next version, a candidate, and leave the champion as it was', async () => {
    await t.app.get(ModelCatalogService).registerDirectory(dir);

    const list = (await httpJson('GET', `${t.baseUrl}/models`)).body as unknown as ModelRow[];
    const versions = list
      .filter((m) => m.name === champion.name)
      .map(({ version, state, sha256 }) => ({ version, state, sha256 }));
    expect(versions).toEqual([
      { version: 1, state: 'champion', sha256: original },
      { version: 2, state: 'candidate', sha256: sha256Of(readFileSync(join(dir, `${champion.name}.onnx`))) },
    ]);
  });

  it('should store each registered artifact once, however often the directory is registered', async () => {
    const rows: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM "inference"."model_artifacts" WHERE sha256 = $1`,
      [original],
    );
    expect(rows[0].n).toBe(1);
  });
});
