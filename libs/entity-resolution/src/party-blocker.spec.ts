import { blockPairs, type PartyRecord } from './party-blocker';

const party = (o: Partial<PartyRecord> & { id: string }): PartyRecord => ({
  name: 'acme trading ltd',
  phone: null,
  address: null,
  key: `key-${o.id}`,
  birthYear: null,
  ...o,
});

describe(blockPairs.name, () => {
  it('should compare a record with the earlier records sharing its phone when the block is small', () => {
    const pairs = blockPairs('company', [party({ id: 'A', phone: '0123' }), party({ id: 'B', phone: '0123' })], 50);

    expect(pairs).toEqual([expect.objectContaining({ aId: 'B', bId: 'A', samePhone: true, sameAddress: false })]);
  });

  it('should stop blocking on an address when more records than the limit share it', () => {
    const records = ['A', 'B', 'C'].map((id) => party({ id, address: 'centre' }));

    const pairs = blockPairs('company', records, 2);

    expect(pairs.map((p) => `${p.aId}-${p.bId}`)).toEqual(['B-A']);
  });

  it('should always compare records with the same key when their block is too large', () => {
    const records = ['A', 'B', 'C'].map((id) => party({ id, address: 'centre', key: id === 'A' ? 'K' : id }));
    records.push(party({ id: 'D', address: 'centre', key: 'K' }));

    const pairs = blockPairs('company', records, 2);

    expect(pairs.filter((p) => p.sameKey).map((p) => `${p.aId}-${p.bId}`)).toEqual(['D-A']);
  });

  it('should count the same birth year for persons only', () => {
    const [person] = blockPairs(
      'person',
      [party({ id: 'A', phone: '1', birthYear: 1970 }), party({ id: 'B', phone: '1', birthYear: 1970 })],
      50,
    );
    const [company] = blockPairs(
      'company',
      [party({ id: 'A', phone: '1', birthYear: 1970 }), party({ id: 'B', phone: '1', birthYear: 1970 })],
      50,
    );

    expect([person.sameBirthYear, company.sameBirthYear]).toEqual([true, false]);
  });
});
