import type { DataSource, EntityManager } from 'typeorm';

import { loadConfig } from '@loanmesh/config';
import {
  type ApplicationIncompleteEvent,
  applicationIncompleteSchema,
  type ApplicationIncompleteReason,
  CoreBankingEventTypes as T,
  Topics,
} from '@loanmesh/contracts';
import type { OutboxMessage, OutboxRelayService, OutboxWriter } from '@loanmesh/database';
import { GracefulShutdownService, MetricsService } from '@loanmesh/observability';

import { ingestionConfigShape } from '../config/ingestion.config';
import { coreBankingEvent } from '../testing/core-banking-event.factory';
import { ParkedApplicationSweeperService } from './parked-application-sweeper.service';
import type {
  ExpiredParkedApplication,
  ParkedApplicationEvent,
  ParkedApplicationRepository,
  ParkedCounts,
} from './parked-application.repository';
import { ParkedApplicationsService } from './parked-applications.service';

const T0 = new Date('2026-01-10T09:00:00.000Z');
const TIMEOUT_SECONDS = 900;

class FakeClock {
  at = T0;
  now(): Date {
    return this.at;
  }
  advance(seconds: number): void {
    this.at = new Date(this.at.getTime() + seconds * 1000);
  }
}

interface Row {
  application: ParkedApplicationEvent;
  parkedAt: Date;
  expiredAt: Date | null;
  announced: boolean;
}

/** The parked table in memory, with the SQL's rule: waiting rows parked at or before the cutoff, oldest first. */
class FakeParkedRepository {
  readonly rows: Row[] = [];
  transactions = 0;

  park(companyId: string, parkedAt: Date, submittedAt = parkedAt): ParkedApplicationEvent {
    const application = coreBankingEvent(T.applicationSubmitted, {
      applicationId: `${companyId}-app`,
      companyId,
      amount: 25000,
      termMonths: 24,
      purpose: 'EQUIPMENT',
      submittedAt: submittedAt.toISOString(),
      guarantors: [{ kind: 'person', id: `${companyId}-guarantor` }],
    });
    this.rows.push({ application, parkedAt, expiredAt: null, announced: false });
    return application;
  }

  expireDue(
    _m: EntityManager,
    cutoff: Date,
    expiredAt: Date,
    _reason: ApplicationIncompleteReason,
    limit: number,
  ): Promise<ExpiredParkedApplication[]> {
    const due = this.rows
      .filter((r) => r.expiredAt === null && r.parkedAt.getTime() <= cutoff.getTime())
      .sort((a, b) => a.parkedAt.getTime() - b.parkedAt.getTime())
      .slice(0, limit);
    due.forEach((r) => (r.expiredAt = expiredAt));
    return Promise.resolve(due.map((r) => ({ application: r.application, parkedAt: r.parkedAt, expiredAt })));
  }

  markAnnounced(_m: EntityManager, eventIds: readonly string[]): Promise<void> {
    this.rows.filter((r) => eventIds.includes(r.application.eventId)).forEach((r) => (r.announced = true));
    return Promise.resolve();
  }

  counts(): Promise<ParkedCounts> {
    const waiting = this.rows.filter((r) => r.expiredAt === null);
    const oldest = waiting.map((r) => r.parkedAt).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    return Promise.resolve({
      waiting: waiting.length,
      expired: this.rows.length - waiting.length,
      expiredAnnounced: this.rows.filter((r) => r.announced).length,
      oldestWaitingParkedAt: oldest,
    });
  }
}

function setup(batchSize = 500) {
  const clock = new FakeClock();
  const repository = new FakeParkedRepository();
  const written: OutboxMessage[][] = [];
  const outbox = { write: (_m: EntityManager, messages: OutboxMessage[]) => written.push(messages) };
  const relay = { wake: jest.fn() };
  const dataSource = {
    transaction: <R>(work: (m: EntityManager) => Promise<R>): Promise<R> => {
      repository.transactions += 1;
      return work({} as EntityManager);
    },
  };
  const metrics = new MetricsService();
  const config = loadConfig(ingestionConfigShape, {
    HTTP_PORT: '3001',
    SERVICE_NAME: 'ingestion',
    KAFKA_BROKERS: '127.0.0.1:9092',
    KAFKA_CLIENT_ID: 'ingestion',
    KAFKA_GROUP_ID: 'ingestion',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused',
    PII_HASH_KEY: 'unit-test-key-0123456789',
    PARKED_APPLICATION_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS),
    PARKED_SWEEP_BATCH_SIZE: String(batchSize),
  });
  const repo = repository as unknown as ParkedApplicationRepository;
  const sut = new ParkedApplicationSweeperService(
    dataSource as unknown as DataSource,
    repo,
    new ParkedApplicationsService(repo, clock),
    outbox as unknown as OutboxWriter,
    relay as unknown as OutboxRelayService,
    clock,
    metrics,
    config,
    new GracefulShutdownService(),
  );
  const messages = (): OutboxMessage[] => written.flat();
  return { sut, clock, repository, messages, relay, metrics };
}

async function metricValue(metrics: MetricsService, name: string, labels: Record<string, string> = {}) {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  return metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value;
}

describe(ParkedApplicationSweeperService.name, () => {
  it('should expire nothing when every waiting application is younger than the timeout', async () => {
    const { sut, clock, repository, messages, relay } = setup();
    repository.park('co-early', T0);
    clock.advance(TIMEOUT_SECONDS - 1);

    const expired = await sut.sweep();

    expect(expired).toBe(0);
    expect(messages()).toEqual([]);
    expect(relay.wake).not.toHaveBeenCalled();
  });

  it('should announce the application as incomplete when the clock passes the timeout', async () => {
    const { sut, clock, repository, messages, relay } = setup();
    const application = repository.park('co-never', T0);
    clock.advance(TIMEOUT_SECONDS);

    const expired = await sut.sweep();

    expect(expired).toBe(1);
    expect(relay.wake).toHaveBeenCalled();
    const [message] = messages();
    expect(message).toMatchObject({ topic: Topics.applicationIncomplete, key: 'co-never' });
    const event: ApplicationIncompleteEvent = applicationIncompleteSchema.parse(message.payload);
    expect(event.causationId).toBe(application.eventId);
    expect(event.correlationId).toBe(application.correlationId);
    expect(event.payload).toEqual({
      application: {
        applicationId: 'co-never-app',
        companyId: 'co-never',
        amount: 25000,
        termMonths: 24,
        purpose: 'EQUIPMENT',
        submittedAt: T0.toISOString(),
      },
      guarantors: [{ kind: 'person', id: 'co-never-guarantor' }],
      reason: 'MISSING_COMPANY_DATA',
      missing: ['company:co-never'],
      parkedAt: T0.toISOString(),
      expiredAt: clock.now().toISOString(),
    });
  });

  it('should expire an application submitted before the decision window without sending it to be decided', async () => {
    const { sut, clock, repository, messages } = setup();
    const longAgo = new Date(T0.getTime() - 73 * 3_600_000);
    repository.park('co-history', T0, longAgo);
    repository.park('co-live', T0);
    clock.advance(TIMEOUT_SECONDS);

    const expired = await sut.sweep();

    expect(expired).toBe(2);
    expect(messages().map((m) => m.key)).toEqual(['co-live']);
    expect(repository.rows.map((r) => [r.application.payload.companyId, r.announced])).toEqual([
      ['co-history', false],
      ['co-live', true],
    ]);
  });

  it('should never announce an application twice when later sweeps run', async () => {
    const { sut, clock, repository, messages } = setup();
    repository.park('co-once', T0);
    clock.advance(TIMEOUT_SECONDS + 5);
    await sut.sweep();

    clock.advance(TIMEOUT_SECONDS);
    const again = await sut.sweep();

    expect(again).toBe(0);
    expect(messages()).toHaveLength(1);
  });

  it('should run batch after batch in separate transactions when more are due than one batch holds', async () => {
    const { sut, clock, repository, messages } = setup(2);
    for (let i = 0; i < 5; i += 1) {
      repository.park(`co-${i}`, new Date(T0.getTime() + i * 1000));
    }
    clock.advance(TIMEOUT_SECONDS + 10);

    const expired = await sut.sweep();

    expect(expired).toBe(5);
    expect(repository.transactions).toBe(3);
    expect(messages().map((m) => m.key)).toEqual(['co-0', 'co-1', 'co-2', 'co-3', 'co-4']);
  });

  it('should count expiries by reason and report the waiting count and oldest wait when a sweep ends', async () => {
    const { sut, clock, repository, metrics } = setup();
    repository.park('co-old', T0);
    repository.park('co-new', new Date(T0.getTime() + 600_000));
    clock.advance(TIMEOUT_SECONDS + 60);

    await sut.sweep();

    expect(
      await metricValue(metrics, 'loanmesh_parked_applications_expired_total', { reason: 'MISSING_COMPANY_DATA' }),
    ).toBe(1);
    expect(await metricValue(metrics, 'loanmesh_parked_applications', { state: 'waiting' })).toBe(1);
    expect(await metricValue(metrics, 'loanmesh_parked_applications', { state: 'expired' })).toBe(1);
    expect(await metricValue(metrics, 'loanmesh_parked_applications_oldest_waiting_seconds')).toBe(
      TIMEOUT_SECONDS + 60 - 600,
    );
  });
});
