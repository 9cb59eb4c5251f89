import type { PairFacts } from '@loanmesh/entity-resolution';

import type { GraphMemoryService } from '../graph-memory/graph-memory.service';
import { EntityResolutionException } from './entity-resolution.exception';
import type { EntityResolutionRepository } from './entity-resolution.repository';
import { EntityResolutionService } from './entity-resolution.service';

const pair = (o: Partial<PairFacts> = {}): PairFacts => ({
  kind: 'person',
  aId: 'P-2',
  bId: 'P-1',
  aName: 'john smith',
  bName: 'jon smith',
  samePhone: true,
  sameAddress: true,
  sameBirthYear: true,
  sameKey: false,
  ...o,
});

describe(EntityResolutionService.name, () => {
  const repository = { find: jest.fn(), confirm: jest.fn(), reject: jest.fn() };
  const memory = { refresh: jest.fn() };
  const sut = new EntityResolutionService(
    repository as unknown as EntityResolutionRepository,
    memory as unknown as GraphMemoryService,
    { ER_LINK_THRESHOLD: 0.9, ER_REVIEW_THRESHOLD: 0.75, ER_MAX_BLOCK_SIZE: 50 },
  );

  it('should auto-link with ordered ids when a variant name shares phone, address and birth year', () => {
    const [row] = sut.classify([pair()]);

    expect(row).toMatchObject({ id: 'person:P-1:P-2', status: 'AUTO_LINKED', evidence: { rule: 'FUZZY' } });
  });

  it('should store a review candidate when the score falls in the grey zone', () => {
    const [row] = sut.classify([pair({ samePhone: false })]);

    expect(row?.status).toBe('PENDING');
  });

  it('should link by the deterministic rule when the registration numbers match', () => {
    const [row] = sut.classify([
      pair({ kind: 'company', aName: 'acme', bName: 'zeta', samePhone: false, sameAddress: false, sameKey: true }),
    ]);

    expect(row).toMatchObject({ status: 'AUTO_LINKED', evidence: { rule: 'REGISTRATION_NUMBER', score: 1 } });
  });

  it('should ignore a pair when only the address is shared', () => {
    expect(
      sut.classify([pair({ aName: 'alice brown', bName: 'zed kumar', samePhone: false, sameBirthYear: false })]),
    ).toEqual([]);
  });

  it('should refuse a second decision when the candidate was already rejected', async () => {
    repository.find.mockResolvedValue({ status: 'REJECTED', kind: 'person', aId: 'P-1', bId: 'P-2' });

    await expect(sut.decide('person:P-1:P-2', 'confirm', 'r')).rejects.toBeInstanceOf(EntityResolutionException);
  });

  it('should refresh both records in the in-memory graph when a pending candidate is confirmed', async () => {
    repository.find.mockResolvedValue({ status: 'PENDING', kind: 'company', aId: 'C-1', bId: 'C-2' });

    await sut.decide('company:C-1:C-2', 'confirm', 'r');

    expect(repository.confirm).toHaveBeenCalledWith('company:C-1:C-2', 'r');
    expect(memory.refresh).toHaveBeenCalledWith({ companyIds: ['C-1', 'C-2'], personIds: [] });
  });

  it('should report not found when the candidate does not exist', async () => {
    repository.find.mockResolvedValue(undefined);

    await expect(sut.decide('nope', 'reject', 'r')).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });
});
