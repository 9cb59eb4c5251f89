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

describe('maskForRole on graph views', () => {
  const ego = {
    nodes: [
      { id: 'dir-991', label: 'Person', name: 'Jane Doe' },
      { id: 'co-1', label: 'Company', name: 'Acme Ltd' },
    ],
    edges: [{ type: 'DIRECTOR_OF', from: 'dir-991', to: 'co-1' }],
  };
  const explanation = {
    feature: 'directorNetworkDefaultRate',
    text: 'its directors also run 3 companies, 1 of which defaulted (via dir-991)',
    path: ['co-1', 'dir-991', 'co-9'],
    people: ['dir-991'],
  };

  it('should mask a person id at the ends of edges, not only on the node', () => {
    const masked = maskForRole('risk_manager', ego);
    expect(JSON.stringify(masked)).not.toContain('dir-991');
    expect(masked.edges[0].to).toBe('co-1');
    expect(masked.nodes[1]).toMatchObject({ id: 'co-1' });
  });

  it('should mask the people on an explanation path and in its text, and keep the companies', () => {
    const masked = maskForRole('auditor', explanation);
    expect(JSON.stringify(masked)).not.toContain('dir-991');
    expect(masked.path[0]).toBe('co-1');
    expect(masked.path[2]).toBe('co-9');
    expect(masked.text).toContain('its directors also run 3 companies');
  });

  it('should withhold what is nested too deep to walk instead of passing it through', () => {
    let deep: Record<string, unknown> = { fullName: 'Jane Doe' };
    for (let i = 0; i < 40; i++) {
      deep = { inner: deep };
    }
    expect(JSON.stringify(maskForRole('auditor', deep))).not.toContain('Jane Doe');
  });

  it('should leave the same views in clear for an officer', () => {
    expect(maskForRole('officer', explanation)).toEqual(explanation);
  });
});
