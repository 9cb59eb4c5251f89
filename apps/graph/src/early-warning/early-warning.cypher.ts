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
