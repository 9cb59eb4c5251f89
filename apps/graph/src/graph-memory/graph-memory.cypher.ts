/**
 * What the in-memory graph mirrors of Neo4j: per Company its feature properties and its
 * OUTGOING company ties, identifier ties and accounts; per Person its roles. Incoming edges
 * are derived in memory, so reloading the start node of every relationship a batch wrote is
 * enough to stay exact. SAME_AS is read in both directions: entity resolution points it from
 * the smaller id to the larger, so a new record with the larger id would otherwise not name
 * the older record it was linked to, and a view follower (which re-reads only what the new
 * record's event touched, plus its aliases) would never re-read the older one.
 */
const COMPANY_PROJECTION = `
  c.id AS id, c.canonicalId AS canonicalId, c.registeredAt AS registeredAt,
  c.registeredCapital AS registeredCapital, c.employees AS employees, c.annualRevenue AS annualRevenue,
  c.firstDefaultAt AS firstDefaultAt, c.firstJudgmentAt AS firstJudgmentAt,
  [(c)-[r:GUARANTEES|SUPPLIES|SHAREHOLDER_OF]->(n:Company) | {type: type(r), to: n.id, validFrom: r.validFrom, validTo: r.validTo,
    weight: coalesce(CASE type(r) WHEN 'GUARANTEES' THEN r.amount WHEN 'SUPPLIES' THEN r.yearlyVolume END, 0)}] AS ties,
  [(c)-[r:HAS_PHONE|LOCATED_AT]->(x) | {type: type(r), to: x.id, validFrom: r.validFrom, validTo: r.validTo}] AS identifiers,
  [(c)-[r:OWNS]->(a:Account) | {token: a.token, validFrom: r.validFrom, validTo: r.validTo}] AS accounts,
  [(c)-[:SAME_AS]-(n:Company) | n.id] AS sameAs`;

const PERSON_PROJECTION = `
  p.id AS id,
  [(p)-[r:DIRECTOR_OF|SHAREHOLDER_OF]->(n:Company) | {type: type(r), to: n.id, validFrom: r.validFrom, validTo: r.validTo}] AS roles,
  [(p)-[:SAME_AS]-(o:Person) | o.id] AS sameAs`;

export const LOAD_COMPANIES = `
UNWIND $ids AS id
MATCH (c:Company {id: id})
RETURN ${COMPANY_PROJECTION}`;

export const LOAD_PERSONS = `
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN ${PERSON_PROJECTION}`;

/** Start-up load in id order (index-backed range seek), one page per transaction. */
export const LOAD_COMPANY_PAGE = `
MATCH (c:Company) WHERE c.id > $after
WITH c ORDER BY c.id LIMIT toInteger($limit)
RETURN ${COMPANY_PROJECTION}`;

export const LOAD_PERSON_PAGE = `
MATCH (p:Person) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT toInteger($limit)
RETURN ${PERSON_PROJECTION}`;
