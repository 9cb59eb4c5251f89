import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { SecurityEventsModule } from '../security-events/security-events.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtTokenService } from './jwt-token.service';
import { LoginThrottleEntity } from './login-throttle.entity';
import { LoginThrottleService } from './login-throttle.service';
import { RolesGuard } from './roles.guard';
import { SessionEntity } from './session.entity';
import { SessionService } from './session.service';
import { TOKEN_VERIFIER } from './token-verifier';
import { UserEntity } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, LoginThrottleEntity]), SecurityEventsModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    JwtTokenService,
    LoginThrottleService,
    SessionService,
    { provide: TOKEN_VERIFIER, useExisting: SessionService },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [SessionService],
})
export class AuthModule {}
