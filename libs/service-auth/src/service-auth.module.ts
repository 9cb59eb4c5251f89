import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import type { ServiceAuthConfig } from './service-auth.config';
import { ServiceAuthGuard } from './service-auth.guard';
import { serviceAuthSettings } from './service-auth.settings';
import { SERVICE_AUTH_OPTIONS, type ServiceAuthGuardOptions } from './service-auth.tokens';
import { ServiceCredentialIssuer } from './service-credential.issuer';
import { ServiceCredentialVerifier } from './service-credential.verifier';

export interface ServiceAuthModuleOptions {
  /** The service's fixed name (`graph`, `inference`, `ingestion`, `review`), not SERVICE_NAME. */
  service: string;
  config: Readonly<ServiceAuthConfig>;
  scope: ServiceAuthGuardOptions['scope'];
}

/** The global service-credential guard, and the issuer for calls this service makes. */
@Module({})
export class ServiceAuthModule {
  static forRoot(o: ServiceAuthModuleOptions): DynamicModule {
    const settings = serviceAuthSettings(o.service, o.config);
    return {
      module: ServiceAuthModule,
      global: true,
      providers: [
        {
          provide: ServiceCredentialIssuer,
          useValue: new ServiceCredentialIssuer({
            issuer: settings.service,
            keyId: settings.keyId,
            privateKey: settings.privateKey,
            ttlSeconds: settings.ttlSeconds,
          }),
        },
        {
          provide: ServiceCredentialVerifier,
          useValue: new ServiceCredentialVerifier({
            audience: settings.service,
            trustedKeys: settings.trustedKeys,
            clockSkewSeconds: settings.clockSkewSeconds,
          }),
        },
        {
          provide: SERVICE_AUTH_OPTIONS,
          useValue: { scope: o.scope, metricsToken: settings.metricsToken } satisfies ServiceAuthGuardOptions,
        },
        { provide: APP_GUARD, useClass: ServiceAuthGuard },
      ],
      exports: [ServiceCredentialIssuer],
    };
  }
}
