import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CoreBankingEventTypes as T, DeadLetterTopics, Headers, Topics } from '@loanmesh/contracts';
import { ConsumerHealthRegistry } from '@loanmesh/observability';
import { type CapturedRecord, KafkaTestClient, type TestDatabase, uniqueId, waitFor } from '@loanmesh/testing';

import { applicationEvent, companyPayload, coreBankingEvent } from '../testing/core-banking-event.factory';
import { startIngestion, testEnvironment } from '../testing/ingestion-test.harness';

/**
 * The store's refusal, or the contract's once libs/contracts refuses these characters
 * itself (it may name a finer code, which still ends in a dead letter with a reason).
 */
const REJECTION = /^(STORE_REJECTED|SCHEMA_VIOLATION|MALFORMED_JSON|INVALID_[A-Z_]+|UNSUPPORTED_[A-Z_]+)$/;

describe('ingestion with values the contract accepts and PostgreSQL refuses (real Kafka and PostgreSQL)', () => {
  jest.setTimeout(180_000);
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let dataSource: DataSource;
  const kafka = new KafkaTestClient();
  let captured: CapturedRecord[];

  beforeAll(async () => {
    const t = await testEnvironment({ HTTP_PORT: '21102' });
    db = t.db;
    captured = await kafka.capture([Topics.applicationReceived, DeadLetterTopics.ingestion]);
    ({ app, url } = await startIngestion(t.env));
    dataSource = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.drop();
  });

  it('should dead-letter applications with U+0000 or an unpaired surrogate with a reason and store and publish the valid one behind them', async () => {
    const run = uniqueId('poison');
    const companyId = `${run}-co`;
    const company = coreBankingEvent(T.companyRegistered, companyPayload(companyId));
    const nul = applicationEvent(`${run}-nul\u0000`, companyId);
    const surrogate = applicationEvent(`${run}-sur\uD800`, companyId);
    const valid = applicationEvent(`${run}-ok`, companyId);

    await kafka.produce(Topics.coreBankingEvents, [
      { key: companyId, value: JSON.stringify(company) },
      { key: companyId, value: JSON.stringify(nul) },
      { key: companyId, value: JSON.stringify(surrogate) },
      { key: companyId, value: JSON.stringify(valid) },
    ]);

    const received = await waitFor(
      () => captured.find((r) => r.topic === Topics.applicationReceived && r.value?.toString().includes(`"${run}-ok"`)),
      90_000,
      'the valid application published',
    );
    const letters = await waitFor(
      () => {
        const mine = captured.filter((r) => r.topic === DeadLetterTopics.ingestion && r.key === companyId);
        return mine.length >= 2 ? mine : undefined;
      },
      60_000,
      'both poison applications dead-lettered',
    );
    const stored = await dataSource.query<{ application_id: string }[]>(
      `SELECT application_id FROM ingestion.loan_applications WHERE company_id = $1`,
      [companyId],
    );

    expect(received.key).toBe(companyId);
    expect(stored.map((r) => r.application_id)).toEqual([`${run}-ok`]);
    expect(letters.map((l) => l.value?.toString()).sort()).toEqual(
      [JSON.stringify(nul), JSON.stringify(surrogate)].sort(),
    );
    for (const letter of letters) {
      expect(letter.headers[Headers.deadLetterCode]).toMatch(REJECTION);
      expect(letter.headers[Headers.deadLetterReason].length).toBeGreaterThan(0);
    }
    const nulLetter = letters.find((l) => l.value?.toString() === JSON.stringify(nul))!;
    if (nulLetter.headers[Headers.deadLetterCode] === 'STORE_REJECTED') {
      expect(nulLetter.headers[Headers.deadLetterReason]).toMatch(/unsupported Unicode escape sequence|0x00/);
    }
    const monitors = app.get(ConsumerHealthRegistry).list();
    expect(monitors.map((m) => [m.crashes, m.state])).toEqual([[0, 'running']]);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });
});
