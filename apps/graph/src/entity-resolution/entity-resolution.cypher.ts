/**
 * Blocking: only pairs that share a phone, an address or a key (national-id token,
 * normalized registration number) are compared. Persons block on their own phone and
 * address, companies on theirs; a pair is reported once per direction it was found in.
 * A phone or address with more than $maxBlock parties does not block (see ER_MAX_BLOCK_SIZE).
 */
export const PERSON_PAIRS = `
UNWIND $ids AS id
MATCH (a:Person {id: id}) WHERE a.placeholder = false
CALL (a) {
  MATCH (a)-[:HAS_PHONE|LIVES_AT]->(k) WHERE COUNT { (k)<-[:HAS_PHONE|LIVES_AT]-(:Person) } <= $maxBlock
  MATCH (k)<-[:HAS_PHONE|LIVES_AT]-(b:Person) RETURN b
  UNION
  MATCH (b:Person {nationalIdToken: a.nationalIdToken}) RETURN b
}
WITH DISTINCT a, b WHERE b <> a AND b.placeholder = false
RETURN a.id AS aId, b.id AS bId, a.nameNorm AS aName, b.nameNorm AS bName,
  EXISTS { (a)-[:HAS_PHONE]->()<-[:HAS_PHONE]-(b) } AS samePhone,
  EXISTS { (a)-[:LIVES_AT]->()<-[:LIVES_AT]-(b) } AS sameAddress,
  a.birthYear = b.birthYear AS sameBirthYear,
  a.nationalIdToken = b.nationalIdToken AS sameKey`;

export const COMPANY_PAIRS = `
UNWIND $ids AS id
MATCH (a:Company {id: id}) WHERE a.placeholder = false
CALL (a) {
  MATCH (a)-[:HAS_PHONE|LOCATED_AT]->(k) WHERE COUNT { (k)<-[:HAS_PHONE|LOCATED_AT]-(:Company) } <= $maxBlock
  MATCH (k)<-[:HAS_PHONE|LOCATED_AT]-(b:Company) RETURN b
  UNION
  MATCH (b:Company {regNorm: a.regNorm}) RETURN b
}
WITH DISTINCT a, b WHERE b <> a AND b.placeholder = false
RETURN a.id AS aId, b.id AS bId, a.nameNorm AS aName, b.nameNorm AS bName,
  EXISTS { (a)-[:HAS_PHONE]->()<-[:HAS_PHONE]-(b) } AS samePhone,
  EXISTS { (a)-[:LOCATED_AT]->()<-[:LOCATED_AT]-(b) } AS sameAddress,
  false AS sameBirthYear,
  a.regNorm = b.regNorm AS sameKey`;

/**
 * Stores scored pairs. A reviewer's decision (CONFIRMED, REJECTED) is never overwritten by
 * a re-score; AUTO_LINKED pairs get a SAME_AS relationship carrying the evidence, and both
 * records get the smaller id as `canonicalId` so features count them once.
 */
export const UPSERT_CANDIDATES = `
UNWIND $rows AS row
MATCH (a {id: row.aId}) WHERE a:Person OR a:Company
MATCH (b {id: row.bId}) WHERE (b:Person OR b:Company) AND labels(a) = labels(b)
MERGE (m:MatchCandidate {id: row.id})
ON CREATE SET m.createdAt = datetime()
WITH a, b, m, row WHERE NOT coalesce(m.status, '') IN ['CONFIRMED', 'REJECTED']
SET m += row.evidence, m.kind = row.kind, m.aId = row.aId, m.bId = row.bId, m.status = row.status
WITH a, b, m, row WHERE row.status = 'AUTO_LINKED'
MERGE (a)-[s:SAME_AS]->(b)
SET s.candidateId = m.id, s.score = m.score, s.rule = m.rule, s.linkedAt = datetime(),
    a.canonicalId = row.aId, b.canonicalId = row.aId
RETURN count(s) AS links`;

/** Newest-scored first; each side with its name so a reviewer can judge the pair. */
export const LIST_CANDIDATES = `
MATCH (m:MatchCandidate) WHERE $status IS NULL OR m.status = $status
WITH m ORDER BY m.score DESC, m.id LIMIT toInteger($limit)
OPTIONAL MATCH (a {id: m.aId}) WHERE a:Person OR a:Company
OPTIONAL MATCH (b {id: m.bId}) WHERE b:Person OR b:Company
RETURN m {.*, createdAt: toString(m.createdAt), decidedAt: toString(m.decidedAt),
  a: {kind: m.kind, id: m.aId, name: coalesce(a.name, a.fullName)},
  b: {kind: m.kind, id: m.bId, name: coalesce(b.name, b.fullName)}} AS candidate
ORDER BY m.score DESC, m.id`;

export const GET_CANDIDATE = `MATCH (m:MatchCandidate {id: $id}) RETURN m.status AS status, m.kind AS kind, m.aId AS aId, m.bId AS bId`;

export const CONFIRM_CANDIDATE = `
MATCH (m:MatchCandidate {id: $id})
MATCH (a {id: m.aId}) WHERE a:Person OR a:Company
MATCH (b {id: m.bId}) WHERE labels(a) = labels(b)
SET m.status = 'CONFIRMED', m.decidedAt = datetime(), m.decidedBy = $by
MERGE (a)-[s:SAME_AS]->(b)
SET s.candidateId = m.id, s.score = m.score, s.rule = 'REVIEWED', s.linkedAt = datetime(),
    a.canonicalId = m.aId, b.canonicalId = m.aId`;

export const REJECT_CANDIDATE = `
MATCH (m:MatchCandidate {id: $id})
SET m.status = 'REJECTED', m.decidedAt = datetime(), m.decidedBy = $by
WITH m
OPTIONAL MATCH (a {id: m.aId})-[s:SAME_AS]-(b {id: m.bId})
DELETE s
WITH DISTINCT a, b WHERE a IS NOT NULL
REMOVE a.canonicalId, b.canonicalId`;
