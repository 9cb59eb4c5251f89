import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { loadConfig } from '@loanmesh/config';

import {
  ServiceCredentialIssuer,
  DEV_SERVICE_KEY_ID,
  DEV_SERVICE_PRIVATE_KEY,
  parsePrivateKey,
} from '@loanmesh/service-auth';

import { reviewConfigShape } from '../config/review.config';
import { IngestionClient } from './ingestion.client';

/** A stand-in ingestion service answering `GET /ingestion/stats` with a fixed status and body. */
async function fakeIngestion(status: number, body: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/ingestion/stats' ? status : 404, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function clientFor(url: string): IngestionClient {
  return new IngestionClient(
    loadConfig(reviewConfigShape, {
      HTTP_PORT: '3004',
      SERVICE_NAME: 'review',
      KAFKA_BROKERS: '127.0.0.1:9092',
      KAFKA_CLIENT_ID: 'review',
      KAFKA_GROUP_ID: 'review',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused',
      INGESTION_BASE_URL: url,
      UPSTREAM_TIMEOUT_MS: '500',
    }),
    new ServiceCredentialIssuer({
      issuer: 'review',
      keyId: DEV_SERVICE_KEY_ID,
      privateKey: parsePrivateKey(DEV_SERVICE_PRIVATE_KEY),
      ttlSeconds: 60,
    }),
  );
}

describe(IngestionClient.name, () => {
  const servers: Server[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  const sutAnswering = async (status: number, body: unknown): Promise<IngestionClient> => {
    const { url, server } = await fakeIngestion(status, typeof body === 'string' ? body : JSON.stringify(body));
    servers.push(server);
    return clientFor(url);
  };

  it('should return the parked counts when ingestion answers its stats', async () => {
    const sut = await sutAnswering(200, {
      stored: 10,
      duplicates: 0,
      deadLettered: 0,
      total: 10,
      parked: { waiting: 3, expired: 2109, expiredAnnounced: 140, oldestWaitingSeconds: 420 },
    });

    await expect(sut.parked()).resolves.toEqual({
      available: true,
      waiting: 3,
      expired: 2109,
      expiredAnnounced: 140,
      oldestWaitingSeconds: 420,
    });
  });

  it('should degrade to unavailable when ingestion fails', async () => {
    const sut = await sutAnswering(500, { message: 'boom' });

    await expect(sut.parked()).resolves.toMatchObject({ available: false });
  });

  it('should degrade to unavailable when ingestion answers without parked counts', async () => {
    const sut = await sutAnswering(200, { stored: 10 });

    await expect(sut.parked()).resolves.toEqual({
      available: false,
      reason: 'unexpected answer from the ingestion service',
    });
  });

  it('should degrade to unavailable when nothing listens', async () => {
    const sut = clientFor('http://127.0.0.1:9');

    await expect(sut.parked()).resolves.toEqual({
      available: false,
      reason: 'the ingestion service is not reachable right now',
    });
  });
});
