import { Global, Module } from '@nestjs/common';

import { ClockAdapter } from '../common/clock.adapter';
import { ChampionLoadedHealthIndicator } from '../health/champion-loaded.health-indicator';
import { ModelArtifactSource, ModelArtifactStore } from '../registry/model-artifact.store';
import { ModelFilesAdapter } from '../registry/model-files.adapter';
import { ModelRegistryRepository } from '../registry/model-registry.repository';
import { ActiveModelsService } from './active-models.service';
import { ModelLoaderService } from './model-loader.service';
import { ModelSyncService } from './model-sync.service';
import { OnnxRuntimeAdapter } from './onnx-runtime.adapter';
import { ScoringMetrics } from './scoring.metrics';
import { StandbyHandoverService } from './standby-handover.service';

const PROVIDERS = [
  ClockAdapter,
  OnnxRuntimeAdapter,
  ModelFilesAdapter,
  ModelRegistryRepository,
  ModelArtifactStore,
  { provide: ModelArtifactSource, useExisting: ModelArtifactStore },
  ModelLoaderService,
  ActiveModelsService,
  ModelSyncService,
  ScoringMetrics,
  StandbyHandoverService,
  ChampionLoadedHealthIndicator,
];

/** The serving set and what loads it; global so readiness can see the champion. */
@Global()
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class ModelServingModule {}
