import type { AccountingSelection } from '@loanmesh/contracts';

/**
 * Query text of the application accounting. An application is selected by its FIRST record
 * (an application may be resent under a new event id): by the instant ingestion received it,
 * or by its id (a feed's live run). Parameters: $1, $2 the selection (the window's bounds, or
 * the run's LIKE / NOT LIKE patterns), $3 a row limit where there is one.
 */
type Kind = AccountingSelection['kind'];

const APPLICATION = `'loan.application-submitted'`;
/** The application id of a raw or parked application record (the raw one is indexed). */
const idOf = (alias: string): string => `(${alias}.event -> 'payload' ->> 'applicationId')`;

function rawSelection(schema: string, kind: Kind): string {
  switch (kind) {
    case 'window':
      return `r.received_at >= $1 AND r.received_at < $2 AND NOT EXISTS (SELECT 1 FROM "${schema}".raw_events e
        WHERE e.type = ${APPLICATION} AND ${idOf('e')} = ${idOf('r')} AND e.received_at < r.received_at)`;
    case 'run':
      return `${idOf('r')} LIKE $1 AND ${idOf('r')} NOT LIKE $2`;
  }
}

function received(schema: string, kind: Kind): string {
  return `WITH received AS (
    SELECT DISTINCT ${idOf('r')} AS application_id FROM "${schema}".raw_events r
    WHERE r.type = ${APPLICATION} AND ${rawSelection(schema, kind)})`;
}

/** Applications received, and how many of them are stored, and stored as history. */
export function receivedCountsSql(schema: string, kind: Kind): string {
  return `${received(schema, kind)}
    SELECT count(*)::int AS received,
      (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "${schema}".loan_applications a
        WHERE a.application_id = x.application_id)))::int AS stored,
      (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "${schema}".history_applications h
        WHERE h.application_id = x.application_id)))::int AS history
    FROM received x`;
}

/** The received applications' ids (up to $3) with whether each is history. */
export function receivedIdsSql(schema: string, kind: Kind): string {
  return `${received(schema, kind)}
    SELECT x.application_id, EXISTS (SELECT 1 FROM "${schema}".history_applications h
      WHERE h.application_id = x.application_id) AS history
    FROM received x ORDER BY x.application_id LIMIT $3`;
}

/** Received applications still waiting for their company (expired ones are referred by review): the total and the first $3 ids. */
export function parkedSql(schema: string, kind: Kind): string {
  return `${received(schema, kind)}
    SELECT x.application_id, (count(*) OVER ())::int AS total FROM received x
    WHERE EXISTS (SELECT 1 FROM "${schema}".parked_applications p
      WHERE ${idOf('p')} = x.application_id AND p.state = 'waiting')
    ORDER BY x.application_id LIMIT $3`;
}

function letterSelection(kind: Kind): string {
  switch (kind) {
    case 'window':
      return `d.dead_lettered_at >= $1 AND d.dead_lettered_at < $2`;
    case 'run':
      return `d.application_id LIKE $1 AND d.application_id NOT LIKE $2`;
  }
}

/** In a window, a dead-lettered application belongs to the window of its first dead letter. */
function firstLetter(schema: string, kind: Kind): string {
  switch (kind) {
    case 'window':
      return `NOT EXISTS (SELECT 1 FROM "${schema}".dead_letters e WHERE e.event_type = ${APPLICATION}
        AND e.application_id = l.application_id AND e.dead_lettered_at < l.dead_lettered_at)`;
    case 'run':
      return 'true';
  }
}

/**
 * Dead-lettered application records, and the applications known ONLY from them: no valid
 * record of the application was ever received, so nothing downstream will ever see it.
 */
export function deadLettersSql(schema: string, kind: Kind): string {
  return `WITH letters AS (
      SELECT d.application_id, d.dead_lettered_at FROM "${schema}".dead_letters d
      WHERE d.event_type = ${APPLICATION} AND d.application_id IS NOT NULL AND ${letterSelection(kind)})
    SELECT count(*)::int AS records,
      (count(DISTINCT l.application_id) FILTER (WHERE ${firstLetter(schema, kind)} AND NOT EXISTS (
        SELECT 1 FROM "${schema}".raw_events r WHERE r.type = ${APPLICATION} AND ${idOf('r')} = l.application_id)))::int
        AS only
    FROM letters l`;
}
