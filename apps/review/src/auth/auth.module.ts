import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtTokenService } from './jwt-token.service';
import { RolesGuard } from './roles.guard';
import { TOKEN_VERIFIER } from './token-verifier';
import { UserEntity } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [AuthController],
  providers: [
    AuthService,
    JwtTokenService,
    { provide: TOKEN_VERIFIER, useExisting: JwtTokenService },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthModule {}
