import { DomainException } from '@loanmesh/observability';

/** Hex characters of a digest shown in a reason: enough to tell two contents apart at a glance. */
const SHOWN = 12;

/**
 * A consumer received an event whose (source, event id) it had already applied with other
 * content. It can never succeed, so the transport dead-letters it (code EVENT_ID_CONFLICT)
 * instead of dropping it as a duplicate.
 */
export class EventIdConflictException extends DomainException {
  constructor(
    readonly consumer: string,
    readonly source: string,
    readonly eventId: string,
    readonly storedDigest: string,
    readonly digest: string,
  ) {
    super(
      'EVENT_ID_CONFLICT',
      'CONFLICT',
      `event id ${eventId} from source '${source}' was already applied by ${consumer} with other content ` +
        `(applied digest ${storedDigest.slice(0, SHOWN)}, this digest ${digest.slice(0, SHOWN)})`,
    );
  }
}
