import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';

import { ModelSyncService } from '../scoring/model-sync.service';
import { ModelCatalogService } from './model-catalog.service';

/** Registers models from MODEL_DIR and loads the serving set before the consumer starts. */
@Injectable()
export class ModelStartupService implements OnModuleInit, OnApplicationBootstrap {
  private initialized: Promise<void> | undefined;

  constructor(
    private readonly catalog: ModelCatalogService,
    private readonly sync: ModelSyncService,
  ) {}

  onModuleInit(): Promise<void> {
    // A hybrid app may run init hooks for the HTTP and the Kafka side; load once.
    this.initialized ??= this.catalog.registerDirectory().then(() => this.sync.reconcile());
    return this.initialized;
  }

  onApplicationBootstrap(): void {
    this.sync.start();
  }
}
