export type RiskGrade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/**
 * Upper PD bound (exclusive) of each grade. Roughly doubling bands, in the spirit of agency
 * scales mapped to one-year SME default rates: A < 1%, B < 2.5%, C < 5%, D < 10%, E < 20%, F the rest.
 */
export const RISK_GRADE_CUTOFFS: readonly { grade: RiskGrade; maxPd: number }[] = [
  { grade: 'A', maxPd: 0.01 },
  { grade: 'B', maxPd: 0.025 },
  { grade: 'C', maxPd: 0.05 },
  { grade: 'D', maxPd: 0.1 },
  { grade: 'E', maxPd: 0.2 },
  { grade: 'F', maxPd: Number.POSITIVE_INFINITY },
];

export function riskGrade(probabilityOfDefault: number): RiskGrade {
  if (!Number.isFinite(probabilityOfDefault) || probabilityOfDefault < 0 || probabilityOfDefault > 1) {
    throw new RangeError(`probability of default must be in [0, 1], got ${probabilityOfDefault}`);
  }
  return RISK_GRADE_CUTOFFS.find((c) => probabilityOfDefault < c.maxPd)!.grade;
}
