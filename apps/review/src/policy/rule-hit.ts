/** One rule that fired for an application, in words an officer and a borrower can read. */
export interface RuleHit {
  code: string;
  kind: 'DEGRADED' | 'KNOCKOUT' | 'SCORE' | 'AUTHORITY' | 'GRAPH';
  text: string;
  feature: string;
}
