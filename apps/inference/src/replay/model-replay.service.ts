import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { z } from 'zod';

import { riskGrade } from '@loanmesh/ml';

import { ModelRegistryException } from '../registry/model-registry.exception';
import { ModelRegistryRepository } from '../registry/model-registry.repository';
import type { LoadedModel } from '../scoring/loaded-model';
import { ModelLoaderService } from '../scoring/model-loader.service';

export const modelReplaySchema = z.object({
  modelVersion: z.string().regex(/^.+:v\d+$/, 'expected name:vN'),
  modelSha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest'),
  featureVector: z.array(z.number().finite()).min(1).max(1000),
});
export type ModelReplayRequest = z.infer<typeof modelReplaySchema>;

export interface ModelReplayResult {
  modelVersion: string;
  /** The registered file's hash; MATCH when it is the one the decision recorded. */
  registeredSha256: string;
  hash: 'MATCH' | 'MISMATCH';
  probabilityOfDefault: number | null;
  riskGrade: string | null;
}

/** Pinned versions kept open for replays; past that the least recently used is released. */
const CACHED_VERSIONS = 4;

/**
 * Re-scores a stored feature vector with the exact model version a past decision named,
 * whatever is serving now: the registered file is loaded (its hash checked), never the
 * current champion. A hash that differs from the decision's is reported, not scored.
 */
@Injectable()
export class ModelReplayService implements OnModuleDestroy {
  private readonly open = new Map<string, Promise<LoadedModel>>();

  constructor(
    private readonly registry: ModelRegistryRepository,
    private readonly loader: ModelLoaderService,
  ) {}

  async replay(req: ModelReplayRequest): Promise<ModelReplayResult> {
    const [, name, version] = /^(.+):v(\d+)$/.exec(req.modelVersion) ?? [];
    const model = await this.registry.findByNameVersion(name ?? '', Number(version));
    if (!model) {
      throw new ModelRegistryException('MODEL_NOT_FOUND', `no registered model ${req.modelVersion}`);
    }
    const base = { modelVersion: req.modelVersion, registeredSha256: model.sha256 };
    if (model.sha256 !== req.modelSha256) {
      return { ...base, hash: 'MISMATCH', probabilityOfDefault: null, riskGrade: null };
    }
    if (req.featureVector.length !== model.featureNames.length) {
      throw new ModelRegistryException(
        'MODEL_FEATURES_MISMATCH',
        `${req.modelVersion} takes ${model.featureNames.length} features, the request has ${req.featureVector.length}`,
      );
    }
    const loaded = await this.loaded(model.id, () => this.loader.load(model));
    const [raw] = await loaded.scoreVectors([Float64Array.from(req.featureVector)]);
    // The decision recorded the served PD, so the replay applies the same recalibration.
    const pd = raw === undefined ? undefined : loaded.servedProbability(raw);
    return {
      ...base,
      hash: 'MATCH',
      probabilityOfDefault: pd ?? null,
      riskGrade: pd === undefined ? null : riskGrade(pd),
    };
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(
      [...this.open.values()].map((m) =>
        m.then(
          (x) => x.retire(),
          () => undefined,
        ),
      ),
    );
  }

  private loaded(id: string, load: () => Promise<LoadedModel>): Promise<LoadedModel> {
    const cached = this.open.get(id);
    if (cached) {
      this.open.delete(id);
      this.open.set(id, cached);
      return cached;
    }
    const loading = load();
    // A failed load is not cached: the next replay tries again.
    loading.catch(() => this.open.delete(id));
    this.open.set(id, loading);
    const oldest = this.open.size > CACHED_VERSIONS ? [...this.open.keys()][0] : undefined;
    if (oldest !== undefined) {
      void this.open.get(oldest)?.then(
        (m) => m.retire(),
        () => undefined,
      );
      this.open.delete(oldest);
    }
    return loading;
  }
}
