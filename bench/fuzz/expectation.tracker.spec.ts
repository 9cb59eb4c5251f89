import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { coreBankingRegistry } from '@loanmesh/contracts';

import { ExpectationTracker } from './expectation.tracker';

const FIXTURE = join(__dirname, '../../test/fixtures/corebanking.events.v1/ok/company.registered.json');
const event = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

describe(ExpectationTracker.name, () => {
  it('should call a new event stored, the same content again a duplicate and other content a conflict', () => {
    const sut = new ExpectationTracker(coreBankingRegistry);

    expect(sut.classify(JSON.stringify(event))).toEqual({ expected: 'stored' });
    expect(sut.classify(JSON.stringify({ ...event, producedAt: '2030-01-01T00:00:00Z' }))).toEqual({
      expected: 'duplicate',
    });
    expect(sut.classify(JSON.stringify({ ...event, correlationId: 'other' }))).toEqual({
      expected: 'dead-letter',
      expectedCode: 'EVENT_ID_CONFLICT',
    });
  });

  it('should give the contract code when the record is not a valid event', () => {
    const sut = new ExpectationTracker(coreBankingRegistry);

    expect(sut.classify('{')).toEqual({ expected: 'dead-letter', expectedCode: 'MALFORMED_JSON' });
    expect(sut.classify(null)).toEqual({ expected: 'dead-letter', expectedCode: 'EMPTY' });
    expect(sut.classify('x'.repeat(3 * 1024 * 1024))).toEqual({ expected: 'broker-reject' });
  });
});
