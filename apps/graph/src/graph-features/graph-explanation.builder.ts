import type { GraphExplanation, GraphFeatures } from '@loanmesh/contracts';
import { distinctCompanies, type LocalFacts, type WalkFacts } from '@loanmesh/features';

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const MAX_PATH = 20;

/** Short reasons that name the graph path behind each notable feature, most severe first. */
export function buildExplanations(
  id: string,
  f: GraphFeatures,
  local: LocalFacts,
  walk: WalkFacts,
): GraphExplanation[] {
  const out: GraphExplanation[] = [];
  const add = (
    feature: keyof GraphFeatures,
    severity: GraphExplanation['severity'],
    text: string,
    path?: string[],
    people: string[] = [],
  ): void => {
    const shown = path?.slice(0, MAX_PATH);
    const named = people.filter((p) => shown?.includes(p));
    out.push({
      feature,
      severity,
      text,
      ...(shown ? { path: shown } : {}),
      ...(named.length > 0 ? { people: [...new Set(named)] } : {}),
    });
  };
  if (f.inGuaranteeCircle) {
    const cycle = local.cycles[0] ?? [];
    add(
      'guaranteeCircleSize',
      'HIGH',
      `is in a guarantee circle of ${f.guaranteeCircleSize} companies: ${cycle.join(' → ')}`,
      cycle,
    );
  }
  if (f.reciprocalGuarantees > 0) {
    add('reciprocalGuarantees', 'WARN', `guarantees and is guaranteed by ${local.reciprocal.join(', ')}`, [
      id,
      ...local.reciprocal,
    ]);
  }
  sharedIdentifierReasons(id, f, local, add);
  if (f.circularOwnership) {
    add('circularOwnership', 'HIGH', `owns itself through ${local.ownershipCycle.join(' ← ')}`, local.ownershipCycle);
  }
  if (f.nearestDefaultFound && f.distanceToDefault <= 2) {
    const target = walk.defaultPath[walk.defaultPath.length - 1] ?? id;
    const text =
      f.distanceToDefault === 0
        ? 'has itself defaulted before'
        : `is ${plural(f.distanceToDefault, 'hop')} from defaulted company ${target}`;
    add('distanceToDefault', f.distanceToDefault <= 1 ? 'HIGH' : 'WARN', text, walk.defaultPath);
  }
  if (f.directorNetworkDefaultRate > 0) {
    const bad = distinctCompanies(local.directorNetwork, local.selfKeys).filter((d) => d.defaulted);
    add(
      'directorNetworkDefaultRate',
      'WARN',
      `its directors also run ${f.directorNetworkSize} companies, ${bad.length} of which defaulted`,
      [id, ...bad.flatMap((d) => (d.via ? [d.via, d.id] : [d.id]))],
      // The link between two companies here is a director: a person.
      bad.flatMap((d) => (d.via ? [d.via] : [])),
    );
  }
  if (f.shellScore >= 0.6) {
    add('shellScore', 'HIGH', `shows ${Math.round(f.shellScore * 5)} of 5 shell-company signs`);
  }
  if (f.addressCrowding >= 5) {
    add('addressCrowding', 'WARN', `its address is shared by ${f.addressCrowding - 1} other companies`);
  }
  if (f.communityDefaultRate >= 0.2 && f.communitySize >= 3) {
    add(
      'communityDefaultRate',
      'WARN',
      `${pct(f.communityDefaultRate)} of its ${f.communitySize - 1}-company network has defaulted`,
    );
  }
  if (f.customerConcentration >= 0.5 && local.topCustomer) {
    add(
      'customerConcentration',
      'WARN',
      `${pct(f.customerConcentration)} of revenue comes from one customer, ${local.topCustomer}`,
      [id, local.topCustomer],
    );
  }
  if (f.defaultedNeighbourShare > 0) {
    add(
      'defaultedNeighbourShare',
      'INFO',
      `${pct(f.defaultedNeighbourShare)} of its direct business partners have defaulted`,
    );
  }
  if (f.contingentLiability > 0) {
    add('contingentLiability', 'INFO', `guarantees ${f.contingentLiability.toFixed(0)} of other companies' debt`);
  }
  const rank = { HIGH: 0, WARN: 1, INFO: 2 } as const;
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

type Add = (
  feature: keyof GraphFeatures,
  severity: GraphExplanation['severity'],
  text: string,
  path?: string[],
  people?: string[],
) => void;

function sharedIdentifierReasons(id: string, f: GraphFeatures, local: LocalFacts, add: Add): void {
  if (f.sharedIdentifierCompanies === 0) {
    return;
  }
  const kinds = ['phone', 'address', 'account'] as const;
  for (const via of kinds) {
    const companies = distinctCompanies(
      local.shared.filter((s) => s.via === via),
      local.selfKeys,
    );
    const bad = companies.filter((c) => c.defaulted || c.judged);
    if (bad.length > 0) {
      add(
        'sharedIdentifierBadCompanies',
        'HIGH',
        `shares ${via === 'address' ? 'an' : 'a'} ${via} with ${plural(bad.length, 'company', 'companies')} that defaulted or have court judgments`,
        [id, via, ...bad.map((c) => c.id)],
      );
    } else if (companies.length >= 2) {
      add(
        'sharedIdentifierCompanies',
        'WARN',
        `shares ${via === 'address' ? 'an' : 'a'} ${via} with ${plural(companies.length, 'other company', 'other companies')}`,
        [id, via, ...companies.map((c) => c.id)],
      );
    }
  }
}
