import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import type { ReviewConfig } from '../../config/review.config';
import { SecurityEventsModule } from '../../security-events/security-events.module';
import { AuthModule } from '../auth.module';
import { UserEntity } from '../user.entity';
import { OidcAccountsService } from './oidc-accounts.service';
import { OidcClientAdapter, OpenidClientAdapter } from './oidc-client.adapter';
import { OidcSignInService } from './oidc-sign-in.service';
import { OidcController } from './oidc.controller';
import { OIDC_SETTINGS, type OidcSettings, oidcSettingsOf } from './oidc.config';

/** Single sign-on; the settings are checked here, at boot, and SSO is off without an issuer. */
@Module({})
export class OidcModule {
  static forRoot(config: ReviewConfig): DynamicModule {
    const settings = oidcSettingsOf(config) ?? null;
    return {
      module: OidcModule,
      imports: [TypeOrmModule.forFeature([UserEntity]), SecurityEventsModule, AuthModule],
      controllers: [OidcController],
      providers: [
        { provide: OIDC_SETTINGS, useValue: settings },
        {
          provide: OidcClientAdapter,
          useFactory: (s: OidcSettings | null) => (s ? new OpenidClientAdapter(s) : null),
          inject: [OIDC_SETTINGS],
        },
        OidcAccountsService,
        OidcSignInService,
      ],
    };
  }
}
