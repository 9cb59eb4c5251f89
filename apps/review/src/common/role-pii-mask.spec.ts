import { maskForRole } from './role-pii-mask';

const sample = {
  guarantors: [
    { kind: 'person', id: 'person-42' },
    { kind: 'company', id: 'co-7' },
  ],
  nodes: [{ id: 'p-1', label: 'Person', name: 'Jane Doe' }],
};

describe(maskForRole.name, () => {
  it('should leave data in clear when the role is an officer', () => {
    expect(maskForRole('officer', sample)).toEqual(sample);
  });

  it('should mask people but not companies when the role is an auditor', () => {
    const masked = maskForRole('auditor', sample);
    expect(masked.guarantors[0].id).not.toBe('person-42');
    expect(masked.guarantors[1].id).toBe('co-7');
    expect(masked.nodes[0].name).not.toBe('Jane Doe');
    expect(masked.nodes[0].id).not.toBe('p-1');
  });

  it('should keep timestamps of a masked record as dates (an auditor needs when things happened)', () => {
    const decidedAt = new Date('2026-11-29T10:00:00Z');
    const masked = maskForRole('auditor', {
      decidedAt,
      content: { guarantor: { kind: 'person', name: 'Jane Doe', since: decidedAt } },
    });

    expect(JSON.parse(JSON.stringify(masked))).toEqual({
      decidedAt: '2026-11-29T10:00:00.000Z',
      content: { guarantor: { kind: 'person', name: 'J***e', since: '2026-11-29T10:00:00.000Z' } },
    });
  });
});
