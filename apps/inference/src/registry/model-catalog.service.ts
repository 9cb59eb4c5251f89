import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';
import { FEATURE_VERSION } from '@loanmesh/features';
import { recordedChampion } from '@loanmesh/ml';

import { ClockAdapter } from '../common/clock.adapter';
import type { InferenceConfig } from '../config/inference.config';
import { modelMetaSchema, parseArtifactPart } from './model-artifact.parser';
import { ModelArtifactStore } from './model-artifact.store';
import { ModelFilesAdapter, type ModelFiles } from './model-files.adapter';
import { ModelRegistryException } from './model-registry.exception';
import { ModelRegistryRepository } from './model-registry.repository';
import { type ModelVersionEntity, versionLabel } from './model-version.entity';
import { servedFeatureLayout } from './parity.gate';

const SYSTEM = 'system:startup';

/**
 * Registers the trainer's outputs found in MODEL_DIR that are not in the registry yet (by
 * file hash), with a copy of their bytes in the registry, and names a first champion when there
 * is none.
 */
@Injectable()
export class ModelCatalogService {
  private readonly logger = new Logger(ModelCatalogService.name);

  constructor(
    private readonly files: ModelFilesAdapter,
    private readonly repository: ModelRegistryRepository,
    private readonly artifacts: ModelArtifactStore,
    private readonly clock: ClockAdapter,
    @Inject(APP_CONFIG) private readonly config: InferenceConfig,
  ) {}

  async registerDirectory(dir = this.config.MODEL_DIR): Promise<void> {
    for (const name of await this.listOrNothing(dir)) {
      try {
        await this.register(await this.files.read(dir, name));
      } catch (e) {
        this.logger.warn({ msg: 'model not registered', name, error: e instanceof Error ? e.message : String(e) });
      }
    }
    await this.ensureChampion();
  }

  /** Registers a version as a candidate (or finds it by hash) and returns it. */
  async register(files: ModelFiles): Promise<ModelVersionEntity> {
    const meta = parseArtifactPart(modelMetaSchema, files.meta, `${files.name}.meta.json`);
    const layout = servedFeatureLayout(meta.featureNames);
    if (meta.featureVersion !== FEATURE_VERSION || !layout) {
      throw new ModelRegistryException(
        'MODEL_FEATURES_MISMATCH',
        `${files.name} uses features ${meta.featureVersion}; this service serves ${FEATURE_VERSION}`,
      );
    }
    return this.repository.locked(async (m) => {
      // The registry keeps its own copy (also of versions registered before it did, while their
      // file is still the one registered), so a retrained file of the same name never takes a
      // registered version's bytes away.
      await this.artifacts.store(m, files.sha256, files);
      const known = await this.repository.findBySha(m, files.sha256);
      if (known) {
        return known;
      }
      const at = this.clock.now();
      const model = await this.repository.insert(m, {
        name: meta.name,
        version: await this.repository.nextVersion(m, meta.name),
        kind: meta.modelKind,
        sha256: files.sha256,
        filePath: files.onnxPath,
        fileBytes: files.onnx.length,
        featureNames: meta.featureNames,
        featureVersion: meta.featureVersion,
        includesGraph: layout.includesGraph,
        card: files.card as object,
        state: 'candidate',
        registeredAt: at,
        stateChangedAt: at,
      });
      this.logger.log({ msg: 'model registered', model: versionLabel(model), sha256: model.sha256 });
      return model;
    });
  }

  /** A missing directory is not fatal: the registry may already hold every model. */
  private async listOrNothing(dir: string): Promise<string[]> {
    try {
      return await this.files.list(dir);
    } catch (e) {
      this.logger.warn({ msg: 'model directory unreadable', dir, error: e instanceof Error ? e.message : String(e) });
      return [];
    }
  }

  /**
   * First start: the configured initial champion, else the one the trainer's rule recorded in
   * the registered cards, else the first model registered becomes champion.
   */
  private async ensureChampion(): Promise<void> {
    await this.repository.locked(async (m) => {
      if (await this.repository.findInState('champion', m)) {
        return;
      }
      const all = await this.repository.list();
      const live = all.filter((x) => x.state !== 'retired');
      const wanted = this.config.INITIAL_CHAMPION ?? recordedChampion(live.map((x) => x.card));
      const pick = live.find((x) => x.name === wanted) ?? live[0];
      if (pick) {
        if (pick.name !== wanted) {
          this.logger.warn({ msg: 'initial champion not found, first model used', wanted, used: pick.name });
        }
        await this.repository.changeState(m, {
          model: pick,
          to: 'champion',
          by: SYSTEM,
          note: 'first champion at start-up',
          at: this.clock.now(),
        });
      }
    });
  }
}
