import { Injectable } from '@nestjs/common';

import type { HealthIndicator } from '@loanmesh/observability';

import { ActiveModelsService } from '../scoring/active-models.service';

/** Ready only with a champion model loaded (the fallback alone would degrade every result). */
@Injectable()
export class ChampionLoadedHealthIndicator implements HealthIndicator {
  readonly name = 'champion-model';

  constructor(private readonly active: ActiveModelsService) {}

  check(): Promise<void> {
    const { champion, championProblem } = this.active.models;
    if (!champion) {
      return Promise.reject(new Error(`no champion model loaded: ${championProblem ?? 'unknown'}`));
    }
    return Promise.resolve();
  }
}
