import { Injectable, Logger } from '@nestjs/common';

import { ClockAdapter } from '../common/clock.adapter';
import { ActiveModelsService } from '../scoring/active-models.service';
import type { LoadedModel } from '../scoring/loaded-model';
import { ModelLoaderService } from '../scoring/model-loader.service';
import { ModelRegistryException } from './model-registry.exception';
import { ModelRegistryRepository } from './model-registry.repository';
import { type ModelVersionEntity, versionLabel } from './model-version.entity';

/** How the promotion log notes a champion taken back (never a standby again). */
export const ROLLED_BACK_NOTE = 'rolled back to ';

/**
 * One-step return to the previous champion (the standby): a model that already passed the gates
 * and a maker/checker approval when it first became champion, so one named person may do it in
 * an emergency. Registry change in one transaction, logged with who and why; the serving set is
 * swapped between messages, without a restart; the older champion becomes the new standby.
 */
@Injectable()
export class ModelRollbackService {
  private readonly logger = new Logger(ModelRollbackService.name);

  constructor(
    private readonly repository: ModelRegistryRepository,
    private readonly loader: ModelLoaderService,
    private readonly active: ActiveModelsService,
    private readonly clock: ClockAdapter,
  ) {}

  rollback(by: string, reason: string): Promise<ModelVersionEntity> {
    return this.active.exclusive(async () => {
      const target = await this.repository.findStandby();
      if (!target) {
        throw new ModelRegistryException('ROLLBACK_NO_STANDBY', 'no previous champion to roll back to');
      }
      const held = this.active.models.standby;
      const loaded = held?.identity.id === target.id ? held : await this.loader.load(target);
      let from: ModelVersionEntity | null;
      try {
        from = await this.switchRegistry(target, by, reason);
      } catch (e) {
        if (loaded !== held) {
          await loaded.retire();
        }
        throw e;
      }
      await this.active.replace({ champion: loaded, championProblem: null, standby: await this.nextStandby() });
      this.logger.log({
        msg: 'champion rolled back',
        from: from ? versionLabel(from) : null,
        to: versionLabel(target),
        by,
        reason,
      });
      return (await this.repository.findById(target.id)) ?? target;
    });
  }

  private switchRegistry(target: ModelVersionEntity, by: string, reason: string): Promise<ModelVersionEntity | null> {
    return this.repository.locked(async (m) => {
      const current = await this.repository.findInState('champion', m);
      const standby = await this.repository.findStandby(m);
      if (standby?.id !== target.id) {
        throw new ModelRegistryException('PROMOTION_CONFLICT', 'the registry changed during the rollback; try again');
      }
      const at = this.clock.now();
      if (current) {
        const note = `${ROLLED_BACK_NOTE}${versionLabel(target)}: ${reason}`;
        await this.repository.changeState(m, { model: current, to: 'retired', by, note, at });
      }
      const from = current ? ` from ${versionLabel(current)}` : '';
      await this.repository.changeState(m, {
        model: target,
        to: 'champion',
        by,
        note: `rollback${from}: ${reason}`,
        at,
      });
      return current;
    });
  }

  /** The champion before the restored one; a standby that cannot load leaves none (logged). */
  private async nextStandby(): Promise<LoadedModel | null> {
    const next = await this.repository.findStandby();
    if (!next) {
      return null;
    }
    try {
      return await this.loader.load(next);
    } catch (e) {
      this.logger.error({ msg: 'new standby failed to load', model: versionLabel(next), error: String(e) });
      return null;
    }
  }
}
