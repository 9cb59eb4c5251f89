import { type DynamicModule, Global, Module } from '@nestjs/common';

import { APP_CONFIG } from '@loanmesh/config';

import type { GraphConfig } from './graph.config';

/** Makes the validated config injectable (APP_CONFIG) in every feature module. */
@Global()
@Module({})
export class GraphConfigModule {
  static forRoot(config: GraphConfig): DynamicModule {
    return { module: GraphConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
