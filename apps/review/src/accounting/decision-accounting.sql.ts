import type { AccountingSelection } from '@loanmesh/contracts';

/**
 * Query text of the decision side of the accounting. Each application counts once, by its
 * first decision (an officer's later decision on a referral is not a second application),
 * and only decisions up to a ledger position ($3), so every read of one accounting sees the
 * same ledger. $1, $2: the window's bounds (ms since epoch, on `hops.receivedAt`, the
 * instant ingestion selects receipts on) or the run's LIKE / NOT LIKE id patterns.
 */
type Kind = AccountingSelection['kind'];

const SELECTION: Record<Kind, string> = {
  window: `(d.content -> 'hops' ->> 'receivedAt')::numeric >= $1 AND (d.content -> 'hops' ->> 'receivedAt')::numeric < $2`,
  run: `d.application_id LIKE $1 AND d.application_id NOT LIKE $2`,
};

/** A parked application that expired at ingestion is referred with this reason. */
export const MISSING_COMPANY_DATA = 'MISSING_COMPANY_DATA';

function tallySql(kind: Kind): string {
  return `WITH first AS (
      SELECT DISTINCT ON (d.application_id) d.outcome, d.content FROM review.decisions d
      WHERE d.seq <= $3 AND ${SELECTION[kind]}
      ORDER BY d.application_id, d.seq)
    SELECT CASE
        WHEN f.outcome = 'REFERRED' AND (coalesce(f.content -> 'principalReasons', '[]') @> $4::jsonb
          OR coalesce(f.content -> 'ruleHits', '[]') @> $4::jsonb) THEN 'EXPIRED'
        WHEN f.content -> 'scored' ->> 'degraded' = 'true' OR f.content -> 'scored' ->> 'status' = 'DEGRADED'
          THEN 'DEGRADED'
        WHEN f.outcome = 'REFERRED' THEN 'REFERRED'
        ELSE 'AUTOMATIC' END AS category,
      coalesce(f.content -> 'principalReasons' -> 0 ->> 'code', 'NONE') AS reason,
      count(*)::int AS count
    FROM first f GROUP BY 1, 2`;
}

export const TALLY: Record<Kind, string> = { window: tallySql('window'), run: tallySql('run') };
export const TALLY_EXPIRED_PARAM = JSON.stringify([{ code: MISSING_COMPANY_DATA }]);

export const LAST_SEQ = `SELECT coalesce(max(seq), 0)::bigint AS seq FROM review.decisions`;

export const DECIDED_AMONG = `SELECT DISTINCT application_id FROM review.decisions
  WHERE application_id = ANY($1::varchar[]) AND seq <= $2`;
