import { DomainException, type DomainErrorKind } from '@loanmesh/observability';

export type KafkaTopicsErrorCode = 'KAFKA_TOPICS_MISSING';

const KINDS: Record<KafkaTopicsErrorCode, DomainErrorKind> = {
  KAFKA_TOPICS_MISSING: 'PRECONDITION_FAILED',
};

/** The broker lacks topics a service needs: provisioning has not run; the message is for the operator. */
export class KafkaTopicsException extends DomainException {
  constructor(
    code: KafkaTopicsErrorCode,
    message: string,
    readonly topics: readonly string[],
  ) {
    super(code, KINDS[code], message);
  }
}
