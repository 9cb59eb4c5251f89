/**
 * The arithmetic of the graph features (shares, shell score, customer concentration), used by
 * the assembler: one definition, so no path can round or threshold differently. Finding the
 * facts stays with each path; apps/graph `feature-parity.int-spec.ts` checks they find the same.
 */

/** Shares and concentrations are rounded to 1e-6 (stable across float summation orders). */
export function roundShare(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** n of `of`, rounded; 0 when there is nothing to share among. */
export function shareOf(n: number, of: number): number {
  return of === 0 ? 0 : roundShare(n / of);
}

/** Facts of the shell-company score, as of the application day. */
export interface ShellFacts {
  /** Days since registration; Infinity when unknown. */
  ageDays: number;
  /** Registered capital; null when unknown (never a sign). */
  registeredCapital: number | null;
  /** Employees; null when unknown (never a sign). */
  employees: number | null;
  /** Companies registered at the address, the applicant included. */
  addressCrowding: number;
  /** Annual revenue; null when unknown (never a sign). */
  annualRevenue: number | null;
}

const SHELL_YOUNG_DAYS = 730;
const SHELL_CAPITAL_MAX = 10_000;
const SHELL_CROWDING_MIN = 5;
const SHELL_REVENUE_BELOW = 50_000;

/** Five shell signs, each worth 1/5: young (< 730 days), capital <= 10k, no staff, crowded address (>= 5), revenue < 50k. */
export function shellScoreOf(f: ShellFacts): number {
  const signs = [
    f.ageDays < SHELL_YOUNG_DAYS,
    (f.registeredCapital ?? Infinity) <= SHELL_CAPITAL_MAX,
    f.employees === 0,
    f.addressCrowding >= SHELL_CROWDING_MIN,
    (f.annualRevenue ?? Infinity) < SHELL_REVENUE_BELOW,
  ];
  return signs.filter(Boolean).length / signs.length;
}

/** Largest single customer's yearly volume over the revenue, capped at 1; 0 without revenue. */
export function customerConcentrationOf(topCustomerVolume: number, annualRevenue: number): number {
  return annualRevenue <= 0 ? 0 : roundShare(Math.min(1, topCustomerVolume / annualRevenue));
}
