/** Why an inbound message was rejected; each code maps to a dead-letter reason. */
export type ContractViolationCode =
  'MALFORMED_JSON' | 'OVERSIZED' | 'UNKNOWN_TYPE' | 'UNSUPPORTED_VERSION' | 'SCHEMA_VIOLATION' | 'EMPTY';

export class ContractViolation extends Error {
  constructor(
    readonly code: ContractViolationCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ContractViolation';
  }
}
