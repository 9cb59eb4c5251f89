import { generateKeyPairSync } from 'node:crypto';

import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { GlobalExceptionFilter, ObservabilityModule } from '@loanmesh/observability';

import { localServiceHeaders } from './local-service-headers';
import { ServiceAuthModule } from './service-auth.module';
import { ServiceCallers } from './service-callers.decorator';
import { ServiceCredentialIssuer, signCompact } from './service-credential.issuer';
import { DEV_SERVICE_KEY_ID, DEV_SERVICE_PRIVATE_KEY, parsePrivateKey } from './service-keys';

@Controller('things')
class ThingsController {
  @Get()
  list(): { ok: boolean } {
    return { ok: true };
  }

  @ServiceCallers('review')
  @Get('promote')
  promote(): { ok: boolean } {
    return { ok: true };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

describe('ServiceAuthGuard', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot(),
        ServiceAuthModule.forRoot({
          service: 'inference',
          scope: 'all',
          config: { SERVICE_CREDENTIAL_TTL_SECONDS: 60, SERVICE_CLOCK_SKEW_SECONDS: 10, METRICS_TOKEN },
        }),
        ThingsModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new GlobalExceptionFilter());
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
  });

  const get = async (
    path: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; code?: string }> => {
    const res = await fetch(`${url}${path}`, { headers });
    const body = (await res.json().catch(() => ({}))) as { code?: string };
    return { status: res.status, code: body.code };
  };

  it('should answer 401 with a clear code without a credential', async () => {
    expect(await get('/things')).toEqual({ status: 401, code: 'SERVICE_CREDENTIAL_MISSING' });
  });

  it('should admit a valid credential for this service and refuse one for another', async () => {
    expect((await get('/things', localServiceHeaders('inference'))).status).toBe(200);
    expect(await get('/things', localServiceHeaders('graph'))).toEqual({
      status: 401,
      code: 'SERVICE_CREDENTIAL_WRONG_AUDIENCE',
    });
  });

  it('should refuse an expired credential and a forged one', async () => {
    const past = Math.floor(Date.now() / 1000) - 600;
    const expired = new ServiceCredentialIssuer({
      issuer: 'tools',
      keyId: DEV_SERVICE_KEY_ID,
      privateKey: parsePrivateKey(DEV_SERVICE_PRIVATE_KEY),
      ttlSeconds: 60,
      now: () => past,
    }).headers({ audience: 'inference' });
    expect(await get('/things', expired)).toEqual({ status: 401, code: 'SERVICE_CREDENTIAL_EXPIRED' });
    const forged = signCompact(
      { alg: 'EdDSA', kid: DEV_SERVICE_KEY_ID },
      { iss: 'review', sub: 'x', aud: 'inference', iat: past + 600, exp: past + 660, jti: 'j' },
      generateKeyPairSync('ed25519').privateKey,
    );
    expect(await get('/things', { 'x-service-credential': forged })).toEqual({
      status: 401,
      code: 'SERVICE_CREDENTIAL_BAD_SIGNATURE',
    });
  });

  it('should answer 403 when the issuer may not call the route', async () => {
    expect(await get('/things/promote', localServiceHeaders('inference', { issuer: 'feed' }))).toEqual({
      status: 403,
      code: 'SERVICE_CALLER_FORBIDDEN',
    });
    expect((await get('/things/promote', localServiceHeaders('inference', { issuer: 'review' }))).status).toBe(200);
  });

  it('should keep the probes open and /metrics closed but to the metrics token or a credential', async () => {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect((await get('/metrics')).status).toBe(401);
    expect((await get('/metrics', { authorization: 'Bearer wrong-token-0123456789abcdef' })).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(200);
    expect((await fetch(`${url}/metrics`, { headers: localServiceHeaders('inference') })).status).toBe(200);
  });
});
