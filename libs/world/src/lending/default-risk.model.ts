import { dayOf, yearsBetween } from '../calendar/world-calendar';
import type { WorldGraph } from '../graph/world-graph';
import type { WorldOptions } from '../world.options';
import type { Company, Industry, Loan, Region } from '../world.types';
import { financialsAsOf, type CreditLedger } from './credit-ledger';

export interface RiskContext {
  readonly options: WorldOptions;
  readonly industries: readonly Industry[];
  readonly regions: readonly Region[];
  readonly graph: WorldGraph;
  readonly ledger: CreditLedger;
  /** Day each planted guarantee circle or pair closed (keyed 'c<i>' / 'p<i>'). */
  readonly closedDay: ReadonlyMap<string, number>;
  /** For concentrated suppliers: the dominant customer's index. */
  readonly dominantCustomer: ReadonlyMap<number, number>;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const clip = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * The latent default process: 12-month default probability of a loan at its submission.
 * Financial terms and graph terms both carry weight (see docs/world.md for every term).
 */
export function defaultProbability(ctx: RiskContext, company: Company, loan: Loan): number {
  return sigmoid(
    ctx.options.baseLogit +
      financialLogit(ctx, company, loan) +
      graphLogit(ctx, company, loan.submittedDay) +
      cycleLogit(ctx, company, loan.submittedDay),
  );
}

export function financialLogit(ctx: RiskContext, c: Company, loan: Loan): number {
  const day = loan.submittedDay;
  const fin = financialsAsOf(c, day);
  const leverage = clip(fin.liabilities / Math.max(1, fin.assets), 0, 3);
  const margin = clip(fin.netProfit / Math.max(1, fin.revenue), -1, 1);
  const age = Math.min(15, yearsBetween(c.regDay, day));
  return (
    (ctx.industries[c.industry]?.riskLogit ?? 0) +
    (ctx.regions[c.region]?.riskLogit ?? 0) -
    0.75 * c.quality +
    c.groupEffect +
    1.0 * (leverage - 0.6) -
    3.0 * margin -
    0.4 * Math.log(Math.max(0.1, fin.currentRatio)) +
    0.35 * Math.log(loan.amount / Math.max(10_000, fin.revenue) + 0.05) -
    0.05 * age +
    0.8 * Math.min(2, ctx.ledger.priorDefaults(c.index, day)) +
    0.35 * Math.min(2, ctx.ledger.activePublicRecords(c.index, day)) +
    downturnLogit(ctx, c, day)
  );
}

function downturnLogit(ctx: RiskContext, c: Company, day: number): number {
  let logit = 0;
  for (const d of ctx.options.downturns) {
    const target = d.kind === 'industry' ? ctx.industries[c.industry]?.code : ctx.regions[c.region]?.name;
    if (target === d.target && day >= dayOf(d.from) && day <= dayOf(d.to)) {
      logit += d.logit;
    }
  }
  return logit;
}

function graphLogit(ctx: RiskContext, c: Company, day: number): number {
  const o = ctx.options;
  let logit = 0;
  if (c.shell) {
    logit += o.shellCompanies.logit;
  }
  if (c.ring >= 0) {
    logit += o.fraudRings.logit;
  }
  const customer = ctx.dominantCustomer.get(c.index);
  if (customer !== undefined) {
    logit +=
      o.supplierConcentration.logit +
      (ctx.graph.defaultedBefore(customer, day) ? o.supplierConcentration.customerDefaultLogit : 0);
  }
  const defaulted = ctx.graph.neighbours(c.index, day).filter((n) => ctx.graph.defaultedBefore(n, day)).length;
  return logit + o.contagion.logitPerDefaultedNeighbour * Math.min(o.contagion.cap, defaulted);
}

function cycleLogit(ctx: RiskContext, c: Company, day: number): number {
  const circle = c.circle >= 0 ? ctx.closedDay.get(`c${c.circle}`) : undefined;
  const pair = c.pair >= 0 ? ctx.closedDay.get(`p${c.pair}`) : undefined;
  return (
    (circle !== undefined && circle < day ? ctx.options.guaranteeCircles.logit : 0) +
    (pair !== undefined && pair < day ? ctx.options.reciprocalGuarantees.logit : 0)
  );
}
