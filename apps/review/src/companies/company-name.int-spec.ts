import { randomUUID } from 'node:crypto';

import { CoreBankingEventTypes as T, Headers, Topics } from '@loanmesh/contracts';
import { KafkaTestClient, waitFor } from '@loanmesh/testing';

import type { QueuePage } from '../cases/queue-page';
import { AutomaticDecisionService } from '../decisions/automatic-decision.service';
import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';
import { scoredEvent } from '../testing/scored-event.factory';
import { CompanyNameService } from './company-name.service';

jest.setTimeout(120000);

/** A normalized `company.registered`/`company.updated` event as ingestion publishes it. */
function companyEvent(type: string, companyId: string, name: string, version: number, key = companyId) {
  const now = new Date().toISOString();
  const payload = {
    companyId,
    version,
    name,
    registrationNumber: 'RN12345678',
    registeredAt: '2015-01-01',
    registeredCapital: 50_000,
    legalForm: 'LLC',
    industryCode: 'TST',
    region: 'Test Region',
    employees: 10,
    annualRevenue: 100_000,
    financials: { totalAssets: 1, totalLiabilities: 1, netProfit: 0, currentRatio: 1 },
    phoneToken: '0123456789abcdef0123456789abcdef',
    address: { key: `TEST|${companyId}`, city: 'TESTVILLE', postcode: 'T1' },
  };
  const event = {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: now,
    producedAt: now,
    source: 'ingestion',
    correlationId: `corr-${randomUUID()}`,
    payload,
  };
  return { key, value: JSON.stringify(event), headers: { [Headers.eventType]: type } };
}

describe('Company names in the queue (real Kafka and PostgreSQL)', () => {
  let t: ReviewTestApp;
  let kafka: KafkaTestClient;

  beforeAll(async () => {
    t = await startReviewTestApp();
    kafka = new KafkaTestClient();
  });

  afterAll(async () => {
    await kafka.close();
    await t.close();
  });

  it('should name the company from core banking, keep the newest version and mask it for a risk manager', async () => {
    const scored = scoredEvent({ pd: 0.12, grade: 'C' });
    const { applicationId, companyId } = scored.payload.application;
    await t.app.get(AutomaticDecisionService).decide(scored);
    // An older version arriving late never overwrites the newer name. The marker shares the
    // partition (same key), so once it is stored every event before it has been applied.
    const marker = `co-marker-${randomUUID().slice(0, 8)}`;
    await kafka.produce(Topics.domainEvents, [
      companyEvent(T.companyRegistered, companyId, 'Harbour Trading Ltd', 1),
      companyEvent(T.companyUpdated, companyId, 'Harbour Trading Group Ltd', 3),
      companyEvent(T.companyUpdated, companyId, 'Stale Name Ltd', 2),
      companyEvent(T.companyRegistered, marker, 'Marker Ltd', 1, companyId),
    ]);
    const names = t.app.get(CompanyNameService);
    await waitFor(async () => (await names.namesOf([marker])).get(marker), 60000, 'the marker company');
    const officer = await t.login('officer1');
    const rowFor = async (token: string, q: string) =>
      ((await t.call(token, 'GET', `/cases?q=${encodeURIComponent(q)}`)).body as QueuePage).items.find(
        (c) => c.applicationId === applicationId,
      );

    const named = await rowFor(officer, applicationId);
    expect(named?.companyName).toBe('Harbour Trading Group Ltd');
    expect(await rowFor(officer, 'harbour trading group')).toBeDefined();

    const risk = await t.login('risk1');
    const masked = await rowFor(risk, applicationId);
    expect(masked?.companyName).toBe('H***d');
    // Searching by a name the role sees masked finds nothing.
    expect(await rowFor(risk, 'harbour')).toBeUndefined();
  });
});
