/**
 * Feature queries; definitions in graph/features.md. `$asOf` is the application day
 * ('YYYY-MM-DD'): a tie counts when validFrom < $asOf <= validTo, a default or judgment
 * when it happened strictly before $asOf. Nothing dated on or after the day leaks in.
 */
const ACTIVE = (r: string): string => `${r}.validFrom < $asOf AND ${r}.validTo >= $asOf`;
const FLAGS = (n: string): string =>
  `id: ${n}.id, key: coalesce(${n}.canonicalId, ${n}.id), defaulted: coalesce(${n}.firstDefaultAt, '9999-12-31') < $asOf, judged: coalesce(${n}.firstJudgmentAt, '9999-12-31') < $asOf`;

/** Everything within the applicant's immediate neighbourhood, in one round trip. */
export const LOCAL_FEATURES = `
MATCH (c:Company {id: $id})
CALL (c) {
  OPTIONAL MATCH (c)-[:SAME_AS]-(alias:Company)
  WITH collect(DISTINCT coalesce(alias.canonicalId, alias.id)) AS aliases
  RETURN aliases + coalesce(c.canonicalId, c.id) AS selfKeys
}
CALL (c) {
  OPTIONAL MATCH p = (c)-[:GUARANTEES*2..6]->(c)
  WHERE all(r IN relationships(p) WHERE ${ACTIVE('r')})
    AND all(x IN nodes(p)[1..-1] WHERE x <> c)
    AND all(i IN range(1, length(p) - 1) WHERE none(j IN range(i + 1, length(p) - 1) WHERE nodes(p)[i] = nodes(p)[j]))
  WITH p ORDER BY length(p) DESC
  RETURN collect([x IN nodes(p) | x.id]) AS cycles
}
CALL (c) {
  OPTIONAL MATCH (c)-[r1:GUARANTEES]->(o:Company)-[r2:GUARANTEES]->(c) WHERE ${ACTIVE('r1')} AND ${ACTIVE('r2')}
  RETURN collect(DISTINCT o.id) AS reciprocal
}
CALL (c) {
  OPTIONAL MATCH (c)-[r:GUARANTEES]->(:Company) WHERE ${ACTIVE('r')}
  RETURN coalesce(sum(r.amount), 0) AS contingentLiability
}
CALL (c) {
  CALL (c) {
    MATCH (c)-[r:GUARANTEES|SUPPLIES|SHAREHOLDER_OF]-(n:Company) WHERE ${ACTIVE('r')} RETURN n
    UNION
    MATCH (c)<-[r1:DIRECTOR_OF|SHAREHOLDER_OF]-(:Person)-[:SAME_AS*0..1]-(:Person)-[r2:DIRECTOR_OF|SHAREHOLDER_OF]->(n:Company)
    WHERE ${ACTIVE('r1')} AND ${ACTIVE('r2')} RETURN n
  }
  WITH DISTINCT n WHERE n <> c
  RETURN collect({${FLAGS('n')}}) AS neighbours
}
CALL (c) {
  CALL (c) {
    MATCH (c)-[r1:HAS_PHONE|LOCATED_AT]->(x)<-[r2:HAS_PHONE|LOCATED_AT]-(n:Company)
    WHERE n <> c AND ${ACTIVE('r1')} AND ${ACTIVE('r2')}
    RETURN n, CASE WHEN x:Phone THEN 'phone' ELSE 'address' END AS via
    UNION
    MATCH (c)-[o1:OWNS]->(a:Account) WHERE ${ACTIVE('o1')}
    MATCH (b:Account {token: a.token})<-[o2:OWNS]-(n:Company) WHERE n <> c AND ${ACTIVE('o2')}
    RETURN n, 'account' AS via
  }
  RETURN collect({${FLAGS('n')}, via: via}) AS shared
}
CALL (c) {
  OPTIONAL MATCH (c)-[r:LOCATED_AT]->(a:Address) WHERE ${ACTIVE('r')}
  OPTIONAL MATCH (a)<-[r2:LOCATED_AT]-(n:Company) WHERE n <> c AND ${ACTIVE('r2')}
  RETURN collect(DISTINCT coalesce(n.canonicalId, n.id)) AS coLocated
}
CALL (c) {
  // MATCH, not OPTIONAL MATCH: an optional miss would collect one all-null map and count a phantom company.
  MATCH (c)<-[r1:DIRECTOR_OF]-(:Person)-[:SAME_AS*0..1]-(p:Person)-[r2:DIRECTOR_OF]->(n:Company)
  WHERE n <> c AND ${ACTIVE('r1')} AND ${ACTIVE('r2')}
  RETURN collect(DISTINCT {${FLAGS('n')}, via: p.id}) AS directorNetwork
}
CALL (c) {
  OPTIONAL MATCH p = (c)<-[:SHAREHOLDER_OF*1..10]-(:Company)
  WHERE all(r IN relationships(p) WHERE ${ACTIVE('r')})
    AND all(i IN range(0, length(p) - 1) WHERE none(j IN range(i + 1, length(p)) WHERE nodes(p)[i] = nodes(p)[j]))
  RETURN coalesce(max(length(p)), 0) AS ownershipDepth
}
CALL (c) {
  OPTIONAL MATCH p = (c)<-[:SHAREHOLDER_OF*1..10]-(c) WHERE all(r IN relationships(p) WHERE ${ACTIVE('r')})
  WITH p ORDER BY length(p) LIMIT 1
  RETURN [x IN nodes(p) | x.id] AS ownershipCycle
}
CALL (c) {
  OPTIONAL MATCH (c)-[r:SUPPLIES]->(n:Company) WHERE ${ACTIVE('r')}
  WITH n, r ORDER BY r.yearlyVolume DESC LIMIT 1
  RETURN n.id AS topCustomer, coalesce(r.yearlyVolume, 0) AS topCustomerVolume
}
RETURN selfKeys, cycles, reciprocal, contingentLiability, neighbours, shared, coLocated, directorNetwork,
  ownershipDepth, coalesce(ownershipCycle, []) AS ownershipCycle, topCustomer, topCustomerVolume,
  coalesce(c.firstDefaultAt, '9999-12-31') < $asOf AS selfDefaulted,
  c {.registeredAt, .registeredCapital, .employees, .annualRevenue} AS profile`;

/**
 * One breadth-first step over the company projection: guarantee, shareholding and
 * shared-person ties are "strong" (community), supplier ties count only for the distance.
 */
export const NEIGHBOUR_HOP = `
UNWIND $ids AS id
MATCH (c:Company {id: id})
CALL (c) {
  MATCH (c)-[r:GUARANTEES|SHAREHOLDER_OF]-(n:Company) WHERE ${ACTIVE('r')} RETURN n, true AS strong
  UNION
  MATCH (c)-[:SAME_AS]-(n:Company) RETURN n, true AS strong
  UNION
  MATCH (c)-[r:SUPPLIES]-(n:Company) WHERE ${ACTIVE('r')} RETURN n, false AS strong
  UNION
  MATCH (c)<-[r1:DIRECTOR_OF|SHAREHOLDER_OF]-(:Person)-[:SAME_AS*0..1]-(:Person)-[r2:DIRECTOR_OF|SHAREHOLDER_OF]->(n:Company)
  WHERE ${ACTIVE('r1')} AND ${ACTIVE('r2')} RETURN n, true AS strong
}
WITH c, n, strong WHERE n <> c AND coalesce(n.registeredAt, '0000-00-00') < $asOf
RETURN c.id AS from, n.id AS to, coalesce(n.canonicalId, n.id) AS key, strong, coalesce(n.firstDefaultAt, '9999-12-31') < $asOf AS defaulted`;
