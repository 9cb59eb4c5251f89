import { addRecord } from '../generation/public-record.generator';
import type { WorldBuilder } from '../generation/world-builder';
import { WorldGraph } from '../graph/world-graph';
import type { Loan } from '../world.types';
import { CreditLedger, dueDay, installmentCount } from './credit-ledger';
import { defaultProbability, type RiskContext } from './default-risk.model';

/**
 * Decides every loan's outcome in submission order, so a default can raise the risk of
 * later applications of its neighbours (contagion) but never of earlier ones. A defaulting
 * loan misses installment 1, 2 or 3 and defaults 90 days after that due date (always within
 * 12 months of disbursement); 60% of defaults lead to a court judgment 60-240 days later.
 */
export function simulateDefaults(b: WorldBuilder): WorldGraph {
  const graph = new WorldGraph(b);
  const ledger = new CreditLedger(b);
  for (const r of b.records) {
    noteJudgment(graph, r.subjectKind === 'company' && r.kind === 'COURT_JUDGMENT' ? r.subject : -1, r.filedDay);
  }
  const ctx: RiskContext = {
    options: b.options,
    industries: b.industries,
    regions: b.regions,
    graph,
    ledger,
    closedDay: closedDays(b),
    dominantCustomer: dominantCustomers(b),
  };
  for (const loan of b.loans) {
    const company = b.company(loan.company);
    loan.p = Math.round(defaultProbability(ctx, company, loan) * 1e6) / 1e6;
    decideOutcome(b, loan);
    if (loan.defaulted) {
      graph.firstDefaultDay[loan.company] = Math.min(graph.firstDefaultDay[loan.company], loan.defaultDay);
      if (b.rng.chance(0.6) && loan.defaultDay + 60 < b.nowDay) {
        addRecord(b, 'company', loan.company, 'COURT_JUDGMENT', loan.defaultDay + b.rng.between(60, 240));
        const record = b.records[b.records.length - 1];
        ledger.addRecord(record);
        noteJudgment(graph, loan.company, record.filedDay);
      }
    }
  }
  return graph;
}

function noteJudgment(graph: WorldGraph, company: number, day: number): void {
  if (company >= 0) {
    graph.firstJudgmentDay[company] = Math.min(graph.firstJudgmentDay[company], day);
  }
}

function decideOutcome(b: WorldBuilder, loan: Loan): void {
  const count = installmentCount(loan);
  loan.defaulted = b.rng.next() < loan.p;
  if (loan.defaulted) {
    loan.defaultInstallment = b.rng.between(1, Math.min(3, count));
    loan.defaultDay = dueDay(loan, loan.defaultInstallment) + 90;
  }
  const lateChance = Math.min(0.5, 1.5 * loan.p);
  const last = loan.defaulted ? loan.defaultInstallment - 1 : count;
  for (let i = 1; i <= last; i++) {
    if (b.rng.chance(lateChance)) {
      loan.lateMask |= 1 << (i - 1);
    }
  }
}

/** A circle closes when its last member's first guaranteed loan is disbursed. */
function closedDays(b: WorldBuilder): Map<string, number> {
  const firstLoan = new Map<number, number>();
  for (const loan of b.loans) {
    if (!firstLoan.has(loan.company)) {
      firstLoan.set(loan.company, loan.disbursedDay);
    }
  }
  const closed = new Map<string, number>();
  for (const c of b.companies) {
    const key = c.circle >= 0 ? `c${c.circle}` : c.pair >= 0 ? `p${c.pair}` : undefined;
    const first = firstLoan.get(c.index);
    if (key !== undefined && first !== undefined) {
      closed.set(key, Math.max(closed.get(key) ?? 0, first));
    }
  }
  return closed;
}

function dominantCustomers(b: WorldBuilder): Map<number, number> {
  const byId = new Map(b.companies.map((c) => [c.id, c.index]));
  return new Map(b.truth.concentratedSuppliers.map((s) => [byId.get(s.supplier)!, byId.get(s.customer)!]));
}
