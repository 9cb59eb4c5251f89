import type { FeatureInput } from '@loanmesh/contracts';

import { isoDay, isoInstant } from '../calendar/world-calendar';
import { GraphFeatureCalculator } from '../graph/graph-features.calculator';
import type { WorldGraph } from '../graph/world-graph';
import type { WorldIdentity } from '../graph/world-identity';
import { ResolvedWorldIdentity } from '../graph/resolved-world-identity';
import { CreditLedger, financialsAsOf } from '../lending/credit-ledger';
import type { Company, Loan, World } from '../world.types';
import { splitOf, type HistorySplit } from './history-split';

/** One labelled historical application, as written to history/<split>.jsonl. */
export interface HistoryRow {
  applicationId: string;
  submittedAt: string;
  /** 1 when the loan defaulted within 12 months of disbursement. */
  label: 0 | 1;
  trueProbability: number;
  input: FeatureInput;
}

/**
 * Yields every historical application whose 12-month outcome window has closed, in
 * submission order, with its split and features as of the submission (no later facts). The
 * graph features see the records as the graph service's matcher resolves them, as in serving.
 */
export function* historyRows(
  world: World,
  graph: WorldGraph,
  identity: WorldIdentity = new ResolvedWorldIdentity(world),
): Generator<{ split: HistorySplit; row: HistoryRow }> {
  const features = new GraphFeatureCalculator(world, graph, identity);
  const ledger = new CreditLedger(world);
  for (const loan of world.loans) {
    const split = splitOf(loan.submittedDay);
    if (split === undefined) {
      continue;
    }
    const company = world.companies[loan.company];
    const row: HistoryRow = {
      applicationId: loan.applicationId,
      submittedAt: isoInstant(loan.submittedDay, loan.submittedSecond),
      label: loan.defaulted ? 1 : 0,
      trueProbability: loan.p,
      input: {
        application: applicationTerms(loan, company),
        company: companySnapshot(company, loan.submittedDay, world),
        history: ledger.creditHistory(loan.company, loan.submittedDay),
        graph: features.compute(loan.company, loan.submittedDay),
      },
    };
    yield { split, row };
  }
}

function applicationTerms(loan: Loan, company: Company): FeatureInput['application'] {
  return {
    applicationId: loan.applicationId,
    companyId: company.id,
    amount: loan.amount,
    termMonths: loan.termMonths,
    purpose: loan.purpose,
    submittedAt: isoInstant(loan.submittedDay, loan.submittedSecond),
  };
}

/** The company's filing as valid on the day (restated filings only once they were filed). */
export function companySnapshot(
  company: Company,
  day: number,
  world: Pick<World, 'industries' | 'regions'>,
): FeatureInput['company'] {
  const fin = financialsAsOf(company, day);
  return {
    companyId: company.id,
    registeredAt: isoDay(company.regDay),
    registeredCapital: company.capital,
    legalForm: company.legalForm,
    industryCode: world.industries[company.industry].code,
    region: world.regions[company.region].name,
    employees: fin.employees,
    annualRevenue: fin.revenue,
    financials: {
      totalAssets: fin.assets,
      totalLiabilities: fin.liabilities,
      netProfit: fin.netProfit,
      currentRatio: fin.currentRatio,
    },
  };
}
