import { Injectable } from '@nestjs/common';

import type { HealthIndicator } from '@loanmesh/observability';

import { ActiveModelsService } from '../scoring/active-models.service';
import { StandbyHandoverService } from '../scoring/standby-handover.service';

/**
 * Ready only with a champion model loaded and serving: the fallback alone would degrade every
 * result, and a champion handed over to the standby needs an operator (the reason says which).
 */
@Injectable()
export class ChampionLoadedHealthIndicator implements HealthIndicator {
  readonly name = 'champion-model';

  constructor(
    private readonly active: ActiveModelsService,
    private readonly handover: StandbyHandoverService,
  ) {}

  check(): Promise<void> {
    const { champion, championProblem, standby } = this.active.models;
    const serving = standby ? `; standby ${standby.identity.label} serving` : '';
    if (!champion) {
      return Promise.reject(new Error(`no champion model loaded: ${championProblem ?? 'unknown'}${serving}`));
    }
    const trip = this.handover.handedOver();
    if (trip && trip.championId === champion.identity.id) {
      return Promise.reject(new Error(`champion ${trip.champion} handed over: ${trip.reason}${serving}`));
    }
    return Promise.resolve();
  }
}
