import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ModelFilesAdapter } from './model-files.adapter';

describe(ModelFilesAdapter.name, () => {
  const sut = new ModelFilesAdapter();

  it('should read the training medians beside a model', async () => {
    const refs = (await sut.readReferences('models/world/world-gbm-graph.onnx')) as {
      references: Record<string, number>;
    };
    expect(refs.references.priorLoans).toBe(0);
  });

  it('should give undefined for a model trained before references were written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-refs-'));
    writeFileSync(join(dir, 'old.onnx'), '');
    await expect(sut.readReferences(join(dir, 'old.onnx'))).resolves.toBeUndefined();
  });
});
