import { GraphMemoryStore } from './graph-memory.store';
import { emptyCompany, type CompanyRecord, type PersonRecord } from './graph-memory.types';
import { memoryHop } from './memory-hop.reader';
import { MemoryLocalFactsReader } from './memory-local-facts.reader';

const OPEN = { validFrom: '2020-01-01', validTo: '9999-12-31' };
const AS_OF = '2024-06-01';

function company(id: string, overrides: Partial<CompanyRecord> = {}): CompanyRecord {
  return {
    ...emptyCompany(id),
    registeredAt: '2019-01-01',
    identifiers: [{ type: 'LOCATED_AT', to: 'addr-1', ...OPEN }],
    ...overrides,
  };
}

/** The applicant A; B and C share its address and defaulted; D and E guarantee it and defaulted; P directs A and F. */
const companies: CompanyRecord[] = [
  company('A', { sameAs: ['A2'] }),
  company('A2'),
  company('B', { firstDefaultAt: '2023-01-01' }),
  company('C', { firstDefaultAt: '2023-01-01' }),
  company('D', { firstDefaultAt: '2023-01-01', ties: [{ type: 'GUARANTEES', to: 'A', weight: 1, ...OPEN }] }),
  company('E', { firstDefaultAt: '2023-01-01', ties: [{ type: 'GUARANTEES', to: 'A', weight: 1, ...OPEN }] }),
  company('F'),
];
const persons: PersonRecord[] = [
  {
    id: 'P',
    roles: [
      { type: 'DIRECTOR_OF', to: 'A', ...OPEN },
      { type: 'DIRECTOR_OF', to: 'F', ...OPEN },
    ],
    sameAs: [],
  },
];

function storeOf(order: readonly CompanyRecord[]): GraphMemoryStore {
  const store = new GraphMemoryStore();
  order.forEach((c) => store.upsertCompany(c));
  persons.forEach((p) => store.upsertPerson(p));
  return store;
}

describe(GraphMemoryStore.name, () => {
  it('should give the same local facts and hops, in the same order, when records were upserted in another order', () => {
    // As on two replicas: one loaded these records in id order, the other refreshed them as events arrived.
    const loaded = storeOf(companies);
    const followed = storeOf([...companies].reverse());

    const facts = [loaded, followed].map((s) => new MemoryLocalFactsReader(s, AS_OF).read('A'));
    const hops = [loaded, followed].map((s) => memoryHop(s, ['A'], AS_OF));

    expect(facts[1]).toEqual(facts[0]);
    expect(facts[0]?.shared.map((s) => s.id)).toEqual(['A2', 'B', 'C', 'D', 'E', 'F']);
    expect(hops[1]).toEqual(hops[0]);
    expect(hops[0].map((e) => e.to)).toEqual(['D', 'E', 'A2', 'F']);
  });

  it('should keep the same order when a record is refreshed after the others', () => {
    const sut = storeOf(companies);

    sut.upsertCompany(companies[2]);

    expect(new MemoryLocalFactsReader(sut, AS_OF).read('A')?.shared.map((s) => s.id)).toEqual([
      'A2',
      'B',
      'C',
      'D',
      'E',
      'F',
    ]);
  });
});
