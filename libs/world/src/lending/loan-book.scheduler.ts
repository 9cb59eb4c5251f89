import { addMonths } from '../calendar/world-calendar';
import type { WorldBuilder } from '../generation/world-builder';
import type { Company, PartyKind, Purpose } from '../world.types';

const PURPOSES: readonly Purpose[] = [
  'WORKING_CAPITAL',
  'WORKING_CAPITAL',
  'EQUIPMENT',
  'EXPANSION',
  'REFINANCING',
  'TRADE_FINANCE',
];
const TERMS = [12, 12, 24, 24, 24, 36, 36, 60] as const;

interface GuarantorPlan {
  readonly kind: PartyKind;
  readonly index: number;
}

interface ApplicationPlan {
  readonly company: number;
  readonly day: number;
  readonly amountShare: number;
  readonly term: number;
  readonly guarantors: GuarantorPlan[];
}

/**
 * Schedules every historical application (ordinary, planted circles and pairs, rings,
 * shells), then creates loans in submission order so ids are chronological. Guarantees
 * run from disbursement to maturity. Outcomes are decided later by the default simulator.
 */
export function scheduleLoanBook(b: WorldBuilder): void {
  const plans: ApplicationPlan[] = [];
  const directorsOf = directorsByCompany(b);
  planOrdinary(b, plans, directorsOf);
  planCircles(b, plans);
  planRingsAndShells(b, plans, directorsOf);
  plans.sort((x, y) => x.day - y.day || x.company - y.company);
  plans.forEach((plan) => createLoan(b, plan));
}

function directorsByCompany(b: WorldBuilder): number[][] {
  const lists: number[][] = b.companies.map(() => []);
  for (const d of b.directors) {
    lists[d.company]?.push(d.person);
  }
  return lists;
}

function lastDay(b: WorldBuilder): number {
  return b.nowDay - 15;
}

function planOrdinary(b: WorldBuilder, plans: ApplicationPlan[], directorsOf: number[][]): void {
  const parentOf = new Int32Array(b.companies.length).fill(-1);
  for (const s of b.shareholders) {
    if (s.holderKind === 'company' && s.share > 0.5) {
      parentOf[s.company] = s.holder;
    }
  }
  for (const c of b.companies) {
    if (!b.isPlain(c)) {
      continue;
    }
    const from = Math.max(c.regDay + 90, b.historyStartDay);
    const span = lastDay(b) - from;
    if (span <= 0) {
      continue;
    }
    const count = poisson(
      b,
      ((b.options.applicationsPerCompanyYear * span) / 365.25) * (c.fin.employees > 20 ? 1.5 : 1),
    );
    for (let k = 0; k < count; k++) {
      const guarantors = ordinaryGuarantors(b, c, directorsOf[c.index] ?? [], parentOf[c.index] ?? -1);
      plans.push({
        company: c.index,
        day: from + b.rng.int(span),
        amountShare: 0.05 + 0.45 * b.rng.next(),
        term: b.rng.pick(TERMS),
        guarantors,
      });
    }
  }
}

/** Company guarantors always have a smaller index than the borrower, so ordinary guarantees form no cycle. */
function ordinaryGuarantors(b: WorldBuilder, c: Company, directors: number[], parent: number): GuarantorPlan[] {
  const out: GuarantorPlan[] = [];
  if (directors.length > 0 && b.rng.chance(0.35)) {
    out.push({ kind: 'person', index: b.rng.pick(directors) });
  }
  if (b.rng.chance(0.1) && c.index > 0) {
    const candidate = parent >= 0 ? parent : b.rng.int(c.index);
    const guarantor = b.company(candidate);
    // Cross-guaranteeing groups take part in their own cycle only, so no other cycle runs through them.
    if (b.isPlain(guarantor) && guarantor.crossGroup < 0 && c.crossGroup < 0) {
      out.push({ kind: 'company', index: candidate });
    }
  }
  return out;
}

function planCircles(b: WorldBuilder, plans: ApplicationPlan[]): void {
  const groups = [
    ...b.truth.guaranteeCircles.map((ids) => ids.map(indexOf)),
    ...b.truth.reciprocalGuarantees.map((ids) => ids.map(indexOf)),
    // Healthy groups' cross-guarantees are scheduled the same way: the cycle looks the same.
    ...b.truth.lookAlikes.groupCrossGuarantees.map((ids) => ids.map(indexOf)),
  ];
  for (const members of groups) {
    let day = b.historyStartDay + b.rng.int(lastDay(b) - b.historyStartDay - 420);
    // Round after round each member borrows, guaranteed by its predecessor in the cycle.
    while (day < lastDay(b) - members.length * 31) {
      members.forEach((m, j) => {
        const guarantor = members[(j + members.length - 1) % members.length];
        day += b.rng.between(3, 30);
        plans.push({
          company: m,
          day,
          amountShare: 0.15 + 0.35 * b.rng.next(),
          term: b.rng.pick([24, 36]),
          guarantors: [{ kind: 'company', index: guarantor }],
        });
      });
      day += b.rng.between(300, 420);
    }
  }
}

function planRingsAndShells(b: WorldBuilder, plans: ApplicationPlan[], directorsOf: number[][]): void {
  for (const c of b.companies) {
    if (c.ring >= 0) {
      const rounds = b.rng.chance(0.5) ? 2 : 1;
      for (let k = 0; k < rounds; k++) {
        const day = c.regDay + b.rng.between(60, 240) + k * 180;
        const guarantors: GuarantorPlan[] = b.rng.chance(0.5)
          ? [{ kind: 'person', index: directorsOf[c.index][0] }]
          : [];
        pushIfPast(b, plans, {
          company: c.index,
          day,
          amountShare: 0.3 + 0.5 * b.rng.next(),
          term: b.rng.pick(TERMS),
          guarantors,
        });
      }
    } else if (c.shell && c.duplicateOf < 0 && b.rng.chance(b.options.shellCompanies.applyShare)) {
      pushIfPast(b, plans, {
        company: c.index,
        day: c.regDay + b.rng.between(30, 540),
        amountShare: -1,
        term: 12,
        guarantors: [],
      });
    }
  }
}

function pushIfPast(b: WorldBuilder, plans: ApplicationPlan[], plan: ApplicationPlan): void {
  if (plan.day < lastDay(b) && plan.day >= b.historyStartDay) {
    plans.push(plan);
  }
}

function poisson(b: WorldBuilder, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = b.rng.next();
  while (p > limit) {
    k++;
    p *= b.rng.next();
  }
  return k;
}

function indexOf(id: string): number {
  return Number(id.slice(3)) - 1;
}

function createLoan(b: WorldBuilder, plan: ApplicationPlan): void {
  const c = b.company(plan.company);
  const index = b.loans.length;
  const raw = plan.amountShare < 0 ? b.rng.between(10, 80) * 1000 : c.fin.revenue * plan.amountShare;
  const amount = Math.max(5000, Math.min(5_000_000, Math.round(raw / 1000) * 1000));
  const disbursedDay = plan.day + b.rng.between(1, 14);
  const leverage = Math.min(1.5, c.fin.liabilities / Math.max(1, c.fin.assets));
  const id = String(index + 1).padStart(6, '0');
  const loan = {
    index,
    id: `LN-${id}`,
    applicationId: `AP-${id}`,
    company: plan.company,
    submittedDay: plan.day,
    submittedSecond: b.rng.between(8 * 3600, 18 * 3600),
    disbursedDay,
    amount,
    termMonths: plan.term,
    purpose: b.rng.pick(PURPOSES),
    interestRate: Math.round((0.045 + 0.04 * leverage + 0.02 * b.rng.next()) * 10_000) / 10_000,
    guarantees: [] as number[],
    p: 0,
    defaulted: false,
    defaultInstallment: 0,
    defaultDay: 0,
    lateMask: 0,
  };
  b.loans.push(loan);
  const maturity = addMonths(disbursedDay, plan.term);
  for (const g of plan.guarantors) {
    const gi = b.guarantees.length;
    const share = g.kind === 'person' ? 1 : 0.5 + 0.5 * b.rng.next();
    b.guarantees.push({
      index: gi,
      id: `GU-${String(gi + 1).padStart(6, '0')}`,
      loan: index,
      guarantorKind: g.kind,
      guarantor: g.index,
      amount: Math.round(amount * share),
      fromDay: disbursedDay,
      toDay: maturity,
    });
    loan.guarantees.push(gi);
    if (g.kind === 'person') {
      b.touchPerson(g.index, disbursedDay);
    }
  }
}
