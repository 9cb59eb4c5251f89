import type { OutboxPublisher, RelayedMessage } from '@loanmesh/database';
import { type GracefulShutdownService, MetricsService } from '@loanmesh/observability';

import type { ClaimedAlert, EarlyWarningAlertRepository, PendingAlert } from './early-warning-alert.repository';
import { EarlyWarningRelayService } from './early-warning-relay.service';

/** The Neo4j outbox in memory: insertion order is creation order, merge on alertId. */
class FakeAlertRepository {
  readonly rows: (PendingAlert & { published: boolean; failedReason?: string })[] = [];

  record(alerts: readonly PendingAlert[]): Promise<void> {
    for (const a of alerts) {
      if (!this.rows.some((r) => r.alertId === a.alertId)) {
        this.rows.push({ ...a, published: false });
      }
    }
    return Promise.resolve();
  }

  claim(limit: number): Promise<ClaimedAlert[]> {
    const pending = this.rows.filter((r) => !r.published && r.failedReason === undefined).slice(0, limit);
    return Promise.resolve(pending.map(({ alertId, key, payload }) => ({ alertId, key, payload })));
  }

  markPublished(ids: readonly string[]): Promise<void> {
    this.rows.filter((r) => ids.includes(r.alertId)).forEach((r) => (r.published = true));
    return Promise.resolve();
  }

  markFailed(alertId: string, reason: string): Promise<void> {
    this.rows.filter((r) => r.alertId === alertId).forEach((r) => (r.failedReason = reason));
    return Promise.resolve();
  }

  countUnpublished(): Promise<number> {
    return Promise.resolve(this.rows.filter((r) => !r.published && r.failedReason === undefined).length);
  }

  purgePublished(): Promise<number> {
    return Promise.resolve(0);
  }
}

class FakePublisher implements OutboxPublisher {
  readonly sent: RelayedMessage[][] = [];
  /** Set: every publish fails as an unreachable broker does. */
  away = false;
  /** Alert ids the broker refuses for good. */
  readonly tooLarge = new Set<string>();

  publish(messages: readonly RelayedMessage[]): Promise<void> {
    if (this.away) {
      return Promise.reject(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'));
    }
    if (messages.some((m) => this.tooLarge.has(m.id))) {
      return Promise.reject(
        Object.assign(new Error('The request included a message larger than the max message size'), {
          type: 'MESSAGE_TOO_LARGE',
        }),
      );
    }
    this.sent.push([...messages]);
    return Promise.resolve();
  }
}

const alert = (n: number): PendingAlert => ({ alertId: `D:2023-03-01:L${n}`, key: `C${n}`, payload: `{"n":${n}}` });

describe(EarlyWarningRelayService.name, () => {
  let repository: FakeAlertRepository;
  let publisher: FakePublisher;
  let metrics: MetricsService;
  let sut: EarlyWarningRelayService;

  beforeEach(() => {
    repository = new FakeAlertRepository();
    publisher = new FakePublisher();
    metrics = new MetricsService();
    sut = new EarlyWarningRelayService(
      repository as unknown as EarlyWarningAlertRepository,
      publisher,
      metrics,
      {
        EARLY_WARNING_RELAY_ENABLED: false,
        EARLY_WARNING_RELAY_BATCH: 2,
        EARLY_WARNING_RELAY_POLL_MS: 1000,
        EARLY_WARNING_RETENTION_SECONDS: 60,
      },
      { register: () => undefined } as unknown as GracefulShutdownService,
    );
  });

  it('should publish stored alerts in creation order in bounded batches and mark them published', async () => {
    await repository.record([1, 2, 3].map(alert));

    const rounds = [await sut.relayOnce(), await sut.relayOnce(), await sut.relayOnce()];

    expect(rounds).toEqual([2, 1, 0]);
    expect(publisher.sent.map((b) => b.map((m) => m.id))).toEqual([
      ['D:2023-03-01:L1', 'D:2023-03-01:L2'],
      ['D:2023-03-01:L3'],
    ]);
    expect(publisher.sent[0][0]).toMatchObject({ topic: 'graph.early-warning.v1', key: 'C1', payload: '{"n":1}' });
    expect(repository.rows.every((r) => r.published)).toBe(true);
  });

  it('should leave alerts unpublished when the broker is away and publish them on a later round', async () => {
    await repository.record([alert(1)]);
    publisher.away = true;

    await expect(sut.relayOnce()).rejects.toThrow('ECONNREFUSED');
    const unpublished = await repository.countUnpublished();
    publisher.away = false;
    const published = await sut.relayOnce();

    expect(unpublished).toBe(1);
    expect(published).toBe(1);
    expect(publisher.sent.flat().map((m) => m.id)).toEqual(['D:2023-03-01:L1']);
  });

  it('should store a re-derived alert once when the same default is recorded twice', async () => {
    await repository.record([alert(1)]);
    await sut.relayOnce();
    await repository.record([alert(1)]);

    expect(await sut.relayOnce()).toBe(0);
    expect(publisher.sent.flat()).toHaveLength(1);
  });

  it('should set aside an alert Kafka refuses for good and publish the ones behind it', async () => {
    await repository.record([alert(1), alert(2)]);
    publisher.tooLarge.add('D:2023-03-01:L1');

    const published = await sut.relayOnce();

    expect(published).toBe(1);
    expect(publisher.sent.flat().map((m) => m.id)).toEqual(['D:2023-03-01:L2']);
    expect(repository.rows[0].failedReason).toBeDefined();
  });

  it('should report the backlog after each round when some alerts wait', async () => {
    await repository.record([1, 2, 3].map(alert));

    await sut.relayOnce();

    expect(await metrics.registry.getSingleMetricAsString('loanmesh_early_warning_backlog')).toContain(
      'loanmesh_early_warning_backlog 1',
    );
  });
});
