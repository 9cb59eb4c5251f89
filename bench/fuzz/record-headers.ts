import { Headers } from '@loanmesh/contracts';

import type { JsonObject, RecordHeaders } from './fuzz-record';

/** The headers a LoanMesh producer puts on an event (see the outbox's message builder). */
export function standardHeaders(event: JsonObject): RecordHeaders {
  const headers: RecordHeaders = {};
  if (typeof event.correlationId === 'string') {
    headers[Headers.correlationId] = event.correlationId;
  }
  if (typeof event.type === 'string') {
    headers[Headers.eventType] = event.type;
  }
  if (typeof event.schemaVersion === 'number') {
    headers[Headers.schemaVersion] = String(event.schemaVersion);
  }
  return headers;
}
