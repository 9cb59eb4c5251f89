import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { LoginThrottleEntity } from '../auth/login-throttle.entity';
import { SessionEntity } from '../auth/session.entity';
import { UserEntity } from '../auth/user.entity';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { UsersService } from './users.service';

/** Account administration; used by the users CLI and by tests that create their own users. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, LoginThrottleEntity]), SecurityEventsModule],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
