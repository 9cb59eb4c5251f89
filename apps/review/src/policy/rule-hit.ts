/** One rule that fired for an application, in words an officer and a borrower can read. */
export interface RuleHit {
  code: string;
  /** INCOMPLETE: the application never had the data to be scored (no other rule could run). */
  kind: 'INCOMPLETE' | 'DEGRADED' | 'KNOCKOUT' | 'SCORE' | 'AUTHORITY' | 'GRAPH';
  text: string;
  feature: string;
}
