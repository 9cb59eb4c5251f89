export const FIND_APPLICATION = `
MATCH (c:Company)-[:APPLIED_FOR]->(ap:Application {id: $id})
RETURN c.id AS companyId, ap.submittedAt AS submittedAt`;

/** Paths of up to 2 hops from the applicant as of the day; hubs (industry, region) and payments left out. */
export const EGO_GRAPH = `
MATCH (c:Company {id: $companyId})
CALL (c) {
  MATCH p = (c)-[:GUARANTEES|SUPPLIES|SHAREHOLDER_OF|DIRECTOR_OF|HAS_PHONE|LOCATED_AT|OWNS|SAME_AS|BORROWED|CONCERNS*1..2]-()
  WHERE all(r IN relationships(p) WHERE coalesce(r.validFrom, '0000-00-00') < $asOf AND coalesce(r.validTo, '9999-12-31') >= $asOf)
  RETURN p LIMIT toInteger($cap)
}
UNWIND relationships(p) AS r
WITH DISTINCT r
WITH collect(r) AS rels
UNWIND rels AS r
UNWIND [startNode(r), endNode(r)] AS n
WITH rels, collect(DISTINCT n) AS nodes
RETURN
  [n IN nodes | {id: n.id, label: labels(n)[0], name: coalesce(n.name, n.fullName, n.id),
    defaulted: coalesce(n.firstDefaultAt, n.defaultedAt, '9999-12-31') < $asOf}] AS nodes,
  [r IN rels | {type: type(r), from: startNode(r).id, to: endNode(r).id, validFrom: r.validFrom, validTo: r.validTo}] AS edges`;
