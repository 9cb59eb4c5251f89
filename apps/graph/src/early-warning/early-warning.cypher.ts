/**
 * Live loans (disbursed, not defaulted, not matured on the default day) of companies within 2
 * relationships of a company that defaulted: guarantees and shareholdings either way, or a
 * shared phone or address (company -> identifier <- company). Ties must be active on the
 * default day. One row per (loan, trigger) with its shortest path.
 */
export const EARLY_WARNING_TARGETS = `
UNWIND $defaults AS d
MATCH (t:Company {id: d.companyId})
MATCH p = (t)-[:GUARANTEES|SHAREHOLDER_OF|HAS_PHONE|LOCATED_AT*1..2]-(x:Company)
WHERE x <> t AND all(r IN relationships(p) WHERE r.validFrom <= d.defaultedAt AND r.validTo >= d.defaultedAt)
MATCH (x)-[:BORROWED]->(l:Loan)
WHERE l.status = 'ACTIVE' AND l.disbursedAt <= d.defaultedAt AND l.maturityAt >= d.defaultedAt
WITH d, x, l, p ORDER BY length(p)
WITH d, x, l, collect(p)[0] AS p
RETURN d.companyId AS triggerCompanyId, d.defaultedAt AS defaultedAt, x.id AS companyId, l.id AS loanId,
  length(p) AS hops, [n IN nodes(p) | n.id] AS path, [r IN relationships(p) | type(r)] AS relationships
ORDER BY loanId`;

/**
 * The outbox write. ON CREATE only: a redelivered default re-derives the same alertIds and
 * leaves the stored payload (its eventId) and publishedAt as they are. publishedAt is absent
 * (Neo4j stores no nulls) until the relay sets it.
 */
export const RECORD_ALERTS = `
UNWIND $alerts AS a
MERGE (n:EarlyWarningAlert {alertId: a.alertId})
ON CREATE SET n.key = a.key, n.payload = a.payload, n.createdAt = datetime(), n.seq = a.seq
RETURN count(n) AS n`;

/** Oldest first; failed alerts (refused by Kafka for good) are set aside. */
export const CLAIM_UNPUBLISHED = `
MATCH (n:EarlyWarningAlert)
WHERE n.createdAt IS NOT NULL AND n.publishedAt IS NULL AND n.failedAt IS NULL
RETURN n.alertId AS alertId, n.key AS key, n.payload AS payload
ORDER BY n.createdAt, n.seq, n.alertId
LIMIT toInteger($limit)`;

export const MARK_PUBLISHED = `
UNWIND $alertIds AS id
MATCH (n:EarlyWarningAlert {alertId: id})
SET n.publishedAt = datetime()`;

export const MARK_FAILED = `
MATCH (n:EarlyWarningAlert {alertId: $alertId})
SET n.failedAt = datetime(), n.failureReason = $reason`;

export const COUNT_UNPUBLISHED = `
MATCH (n:EarlyWarningAlert)
WHERE n.publishedAt IS NULL AND n.failedAt IS NULL
RETURN count(n) AS n`;

/** Published alerts older than the retention, a bounded batch per statement. */
export const PURGE_PUBLISHED = `
MATCH (n:EarlyWarningAlert)
WHERE n.publishedAt < datetime() - duration({seconds: $retentionSeconds})
WITH n LIMIT toInteger($limit)
DETACH DELETE n
RETURN count(*) AS n`;
