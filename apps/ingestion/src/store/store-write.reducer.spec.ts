import { reduceWrites } from './store-write.reducer';

describe(reduceWrites.name, () => {
  it('should keep the highest version when one company appears several times', () => {
    const rows = [3, 5, 4].map((v) => ({
      table: 'companies' as const,
      key: 'c1',
      row: { company_id: 'c1', version: v, event_id: `e${v}` },
    }));
    expect(reduceWrites(rows).get('companies')).toEqual([rows[1].row]);
  });

  it('should keep the latest occurred-at when an unversioned row appears twice', () => {
    const early = {
      table: 'guarantees' as const,
      key: 'g',
      row: { occurred_at: '2024-01-01T00:00:00Z', event_id: 'b' },
    };
    const late = {
      table: 'guarantees' as const,
      key: 'g',
      row: { occurred_at: '2024-02-01T00:00:00Z', event_id: 'a' },
    };
    expect(reduceWrites([late, early]).get('guarantees')).toEqual([late.row]);
  });
});
