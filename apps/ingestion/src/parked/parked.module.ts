import { Module } from '@nestjs/common';

import { SystemClock } from '../common/system-clock.service';
import { ParkedApplicationSweeperService } from './parked-application-sweeper.service';
import { ParkedApplicationRepository } from './parked-application.repository';
import { ParkedApplicationsController } from './parked-applications.controller';
import { ParkedApplicationsService } from './parked-applications.service';

/** Applications waiting for their company: expiry after a timeout, counts and listing. Needs the global outbox. */
@Module({
  controllers: [ParkedApplicationsController],
  providers: [ParkedApplicationRepository, ParkedApplicationsService, ParkedApplicationSweeperService, SystemClock],
  exports: [ParkedApplicationsService],
})
export class ParkedModule {}
