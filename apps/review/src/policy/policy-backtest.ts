import type { DecisionOutcome } from '../decisions/decision.entity';
import { evaluatePolicy, type PolicyInput } from './decision-policy.evaluator';
import type { PolicyOutcome, PolicyRules } from './policy-rules.schema';

export interface BacktestResult {
  evaluated: number;
  changed: number;
  transitions: Record<string, number>;
}

export const OUTCOME_OF: Record<PolicyOutcome, DecisionOutcome> = {
  AUTO_APPROVE: 'APPROVED',
  AUTO_DECLINE: 'DECLINED',
  REFER: 'REFERRED',
};

/** Accumulates how many stored automatic decisions the rules would decide differently. */
export class BacktestTally {
  private readonly result: BacktestResult = { evaluated: 0, changed: 0, transitions: {} };

  constructor(private readonly rules: PolicyRules) {}

  add(input: PolicyInput, storedOutcome: DecisionOutcome): void {
    const outcome = OUTCOME_OF[evaluatePolicy(this.rules, input).outcome];
    this.result.evaluated += 1;
    if (outcome !== storedOutcome) {
      this.result.changed += 1;
      const key = `${storedOutcome}->${outcome}`;
      this.result.transitions[key] = (this.result.transitions[key] ?? 0) + 1;
    }
  }

  summary(): BacktestResult {
    return { ...this.result, transitions: { ...this.result.transitions } };
  }
}
