import { STORE_TABLES, type StoreTable, type TableSpec } from './store-tables';

/**
 * Query text of the store, built once from the table specs. Every statement takes ONE
 * parameter, a JSON array of rows, expanded by `jsonb_to_recordset`: a whole batch is one
 * round trip whatever its size.
 */
const LINEAGE_TYPES = { event_id: 'text', occurred_at: 'timestamptz' };

const GUARDS: Record<TableSpec['guard'], string> = {
  version: 't.version < EXCLUDED.version',
  occurred: '(t.occurred_at, t.event_id COLLATE "C") < (EXCLUDED.occurred_at, EXCLUDED.event_id COLLATE "C")',
};

function recordset(types: Readonly<Record<string, string>>): string {
  return `jsonb_to_recordset($1::jsonb) AS x(${Object.entries(types)
    .map(([c, t]) => `${c} ${t}`)
    .join(', ')})`;
}

/** Inserts or replaces rows by the table's ordering rule; returns the event ids applied. */
export function upsertSql(schema: string, table: StoreTable): string {
  const spec: TableSpec = STORE_TABLES[table];
  const types = { ...spec.columns, ...LINEAGE_TYPES };
  const cols = Object.keys(types);
  const updates = cols.filter((c) => !spec.key.includes(c)).map((c) => `${c} = EXCLUDED.${c}`);
  return `INSERT INTO "${schema}"."${table}" AS t (${cols.join(', ')}, source_event_ids, updated_at)
    SELECT ${cols.map((c) => `x.${c}`).join(', ')}, ARRAY[x.event_id], now() FROM ${recordset(types)}
    ON CONFLICT (${spec.key.join(', ')}) DO UPDATE SET ${updates.join(', ')},
      source_event_ids = t.source_event_ids || EXCLUDED.source_event_ids, updated_at = now()
    WHERE ${GUARDS[spec.guard]}
    RETURNING t.event_id`;
}

const RAW_TYPES = {
  event_id: 'text',
  source: 'text',
  type: 'text',
  schema_version: 'int',
  occurred_at: 'timestamptz',
  topic: 'text',
  kafka_partition: 'int',
  kafka_offset: 'bigint',
  message_key: 'text',
  applied: 'boolean',
  event: 'jsonb',
};

export function insertRawEventsSql(schema: string): string {
  const cols = Object.keys(RAW_TYPES).join(', ');
  return `INSERT INTO "${schema}".raw_events (${cols}) SELECT ${cols} FROM ${recordset(RAW_TYPES)}
    ON CONFLICT DO NOTHING`;
}

const POSITION_TYPES = { topic: 'text', kafka_partition: 'int', kafka_offset: 'bigint', event_id: 'text' };

/** A duplicate is counted once per record position, and never when it is the stored record itself. */
export function insertDuplicatesSql(schema: string): string {
  const cols = Object.keys(POSITION_TYPES).join(', ');
  return `INSERT INTO "${schema}".duplicate_deliveries (${cols}) SELECT ${cols} FROM ${recordset(POSITION_TYPES)}
    WHERE NOT EXISTS (SELECT 1 FROM "${schema}".raw_events r WHERE r.topic = x.topic
      AND r.kafka_partition = x.kafka_partition AND r.kafka_offset = x.kafka_offset)
    ON CONFLICT DO NOTHING`;
}

const DEAD_LETTER_TYPES = {
  original_topic: 'text',
  original_partition: 'int',
  original_offset: 'bigint',
  code: 'text',
  reason: 'text',
  event_type: 'text',
  application_id: 'text',
  dead_lettered_at: 'timestamptz',
};

export function insertDeadLettersSql(schema: string): string {
  const cols = Object.keys(DEAD_LETTER_TYPES).join(', ');
  const values = cols.replace('dead_lettered_at', 'coalesce(dead_lettered_at, now())');
  return `INSERT INTO "${schema}".dead_letters (${cols}) SELECT ${values} FROM ${recordset(DEAD_LETTER_TYPES)}
    ON CONFLICT DO NOTHING`;
}

const PARKED_TYPES = { event_id: 'text', source: 'text', company_id: 'text', event: 'jsonb', parked_at: 'timestamptz' };

export function insertParkedSql(schema: string): string {
  const cols = Object.keys(PARKED_TYPES).join(', ');
  return `INSERT INTO "${schema}".parked_applications (${cols}) SELECT ${cols} FROM ${recordset(PARKED_TYPES)}
    ON CONFLICT DO NOTHING`;
}

/**
 * Takes the waiting applications of companies that now exist; the caller applies them. An
 * expired row is never taken: a human already has it. Rows the sweeper is expiring right
 * now are locked, so this waits for it and then sees them expired.
 */
export function releaseParkedSql(schema: string): string {
  return `DELETE FROM "${schema}".parked_applications p USING "${schema}".companies c
    WHERE p.company_id = c.company_id AND p.company_id = ANY($1::text[]) AND p.state = 'waiting'
    RETURNING p.event`;
}

/** Notes, once per application, that the company of an expired application has now arrived. */
export function markArrivedAfterExpirySql(schema: string): string {
  return `UPDATE "${schema}".parked_applications p SET company_arrived_at = $2
    FROM "${schema}".companies c
    WHERE p.company_id = c.company_id AND p.company_id = ANY($1::text[])
      AND p.state = 'expired' AND p.company_arrived_at IS NULL
    RETURNING p.event_id, p.company_id, p.event -> 'payload' ->> 'applicationId' AS application_id, p.expired_at`;
}

/** Takes ids and sources as two parallel arrays: an event is (source, event id). */
export function markAppliedSql(schema: string): string {
  return `UPDATE "${schema}".raw_events r SET applied = true
    FROM unnest($1::text[], $2::text[]) AS x(source, event_id)
    WHERE r.event_id = x.event_id AND r.source = x.source`;
}

const HISTORY_TYPES = { application_id: 'text', event_id: 'text', submitted_at: 'timestamptz' };

/** Applications stored but not announced (submitted before the decision window). */
export function insertHistorySql(schema: string): string {
  const cols = Object.keys(HISTORY_TYPES).join(', ');
  return `INSERT INTO "${schema}".history_applications (${cols}) SELECT ${cols} FROM ${recordset(HISTORY_TYPES)}
    ON CONFLICT DO NOTHING`;
}

/** The application id of a raw application record (indexed, see the accounting migration). */
const RAW_APPLICATION_ID = `(event -> 'payload' ->> 'applicationId')`;
const RAW_APPLICATION_TYPE = `type = 'loan.application-submitted'`;

/** When ingestion first received a record of each application (an application may be resent). */
export function firstReceiptsSql(schema: string): string {
  return `SELECT ${RAW_APPLICATION_ID} AS application_id, min(received_at) AS received_at
    FROM "${schema}".raw_events WHERE ${RAW_APPLICATION_TYPE} AND ${RAW_APPLICATION_ID} = ANY($1::text[])
    GROUP BY 1`;
}

/**
 * Everything the credit history needs for a set of companies in ONE round trip: their
 * loans, loan facts and public records, as JSON arrays per company.
 */
export function historyInputsSql(schema: string): string {
  return `SELECT c.id AS company_id,
      (SELECT coalesce(json_agg(json_build_object('loanId', l.loan_id, 'amount', l.amount::float8,
         'termMonths', l.term_months, 'disbursedAt', to_char(l.disbursed_at, 'YYYY-MM-DD'))), '[]')
       FROM "${schema}".loans l WHERE l.company_id = c.id) AS loans,
      (SELECT coalesce(json_agg(json_build_object('loanId', f.loan_id, 'kind', f.kind,
         'eventDate', to_char(f.event_date, 'YYYY-MM-DD'))), '[]')
       FROM "${schema}".loan_events f WHERE f.company_id = c.id) AS facts,
      (SELECT coalesce(json_agg(to_char(r.filed_at, 'YYYY-MM-DD')), '[]')
       FROM "${schema}".public_records r WHERE r.subject_kind = 'company' AND r.subject_id = c.id) AS records
    FROM unnest($1::text[]) AS c(id)`;
}
