/** A fake ego graph of `size` parties around one applicant, shaped like the demo's largest. */
export interface FakeNode {
  id: string;
  label: string;
  name: string;
  defaulted: boolean;
  risky: boolean;
}
export interface FakeEdge {
  type: string;
  from: string;
  to: string;
  validFrom: null;
  validTo: null;
  risky: boolean;
}

const KINDS: [string, string, string][] = [
  ['Company', 'co', 'Trading Ltd'],
  ['Person', 'p', 'Director'],
  ['Phone', 'ph', '+1 555'],
  ['Address', 'ad', 'High St'],
  ['Account', 'ac', 'Account'],
];

/**
 * Deterministic: a two-hop tree (the applicant, 20 first-hop companies and people, the rest
 * hanging off them), a guarantee circle of four companies, every 17th company defaulted.
 */
export function bigEgoGraph(size: number): { center: string; asOf: string; nodes: FakeNode[]; edges: FakeEdge[] } {
  const nodes: FakeNode[] = [
    { id: 'big-center', label: 'Company', name: 'Applicant Holdings Ltd', defaulted: false, risky: true },
  ];
  const edges: FakeEdge[] = [];
  const edge = (type: string, from: string, to: string, risky = false): void => {
    edges.push({ type, from, to, validFrom: null, validTo: null, risky });
  };
  for (let i = 1; i < size; i++) {
    const [label, prefix, suffix] = KINDS[i % KINDS.length];
    const id = `big-${prefix}-${i}`;
    nodes.push({ id, label, name: `${suffix} ${i}`, defaulted: label === 'Company' && i % 17 === 0, risky: false });
    const parent = i <= 20 ? 'big-center' : nodes[1 + (i % 20)].id;
    const type = label === 'Company' ? 'GUARANTEES' : label === 'Person' ? 'DIRECTOR_OF' : `HAS_${label.toUpperCase()}`;
    if (label === 'Person') {
      edge(type, id, parent);
    } else {
      edge(type, parent, id);
    }
  }
  // A guarantee circle: the applicant → 5 → 10 → 15 → back to the applicant.
  const circle = ['big-center', 'big-co-5', 'big-co-10', 'big-co-15'];
  circle.forEach((id, i) => edge('GUARANTEES', id, circle[(i + 1) % circle.length], true));
  circle.forEach((id) => {
    const n = nodes.find((x) => x.id === id);
    if (n) {
      n.risky = true;
    }
  });
  return { center: 'big-center', asOf: '2026-01-01', nodes, edges };
}
