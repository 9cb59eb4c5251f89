import type { GraphRowBucket } from './graph-rows.types';

/**
 * One parameterised UNWIND statement per row bucket. Every write is a MERGE keyed by
 * business ids plus absolute, min/max or version-guarded SETs, so a redelivered batch
 * changes nothing and a late event cannot overwrite a newer one. Endpoints not seen yet
 * are merged as placeholders and filled in when their own event arrives.
 * Dates are ISO strings ('YYYY-MM-DD'); an open interval ends at '9999-12-31'.
 */

const COMPANY = `
UNWIND $rows AS row
MERGE (c:Company {id: row.id})
WITH c, row WHERE coalesce(c.version, -1) <= row.version
SET c += row.props, c.version = row.version, c.src = row.src, c.placeholder = false
MERGE (i:Industry {id: row.industry})
MERGE (g:Region {id: row.region})
MERGE (a:Address {id: row.addressKey}) ON CREATE SET a.city = row.city, a.postcode = row.postcode
MERGE (p:Phone {id: row.phoneToken})
MERGE (c)-[:IN_INDUSTRY]->(i)
MERGE (c)-[:IN_REGION]->(g)
WITH c, row, a, p
CALL (c, row) {
  MATCH (c)-[old:LOCATED_AT|HAS_PHONE]->(x) WHERE old.validTo = '9999-12-31' AND NOT x.id IN [row.addressKey, row.phoneToken]
  SET old.validTo = row.validFrom
}
MERGE (c)-[la:LOCATED_AT]->(a) ON CREATE SET la.validFrom = row.validFrom, la.validTo = '9999-12-31', la.src = row.src
MERGE (c)-[hp:HAS_PHONE]->(p) ON CREATE SET hp.validFrom = row.validFrom, hp.validTo = '9999-12-31', hp.src = row.src`;

const PERSON = `
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
WITH n, row WHERE coalesce(n.version, -1) <= row.version
SET n += row.props, n.version = row.version, n.src = row.src, n.placeholder = false
MERGE (a:Address {id: row.addressKey}) ON CREATE SET a.city = row.city, a.postcode = row.postcode
MERGE (p:Phone {id: row.phoneToken})
WITH n, row, a, p
CALL (n, row) {
  MATCH (n)-[old:LIVES_AT|HAS_PHONE]->(x) WHERE old.validTo = '9999-12-31' AND NOT x.id IN [row.addressKey, row.phoneToken]
  SET old.validTo = row.validFrom
}
MERGE (n)-[la:LIVES_AT]->(a) ON CREATE SET la.validFrom = row.validFrom, la.validTo = '9999-12-31', la.src = row.src
MERGE (n)-[hp:HAS_PHONE]->(p) ON CREATE SET hp.validFrom = row.validFrom, hp.validTo = '9999-12-31', hp.src = row.src`;

const accountOf = (label: 'Company' | 'Person'): string => `
UNWIND $rows AS row
MERGE (o:${label} {id: row.partyId})
MERGE (a:Account {id: row.targetId})
SET a.token = row.props.token, a.openedAt = row.validFrom, a.src = row.src
MERGE (o)-[r:OWNS]->(a) SET r.validFrom = row.validFrom, r.validTo = row.validTo, r.src = row.src`;

const APPLICATION = `
UNWIND $rows AS row
MERGE (c:Company {id: row.partyId})
MERGE (ap:Application {id: row.targetId})
SET ap += row.props, ap.src = row.src, ap.outcome = coalesce(ap.outcome, 'PENDING')
MERGE (c)-[r:APPLIED_FOR]->(ap) SET r.validFrom = row.validFrom, r.validTo = row.validTo`;

const LOAN = `
UNWIND $rows AS row
MERGE (c:Company {id: row.partyId})
MERGE (l:Loan {id: row.targetId})
SET l += row.props, l.src = row.src, l.status = CASE WHEN l.status = 'DEFAULTED' THEN 'DEFAULTED' ELSE 'ACTIVE' END
MERGE (c)-[r:BORROWED]->(l) SET r.validFrom = row.validFrom, r.validTo = row.validTo
WITH l, row WHERE row.props.applicationId <> ''
MERGE (ap:Application {id: row.props.applicationId})
SET ap.outcome = 'APPROVED'
MERGE (ap)-[:RESULTED_IN]->(l)`;

const REPAYMENT = `
UNWIND $rows AS row
MERGE (l:Loan {id: row.targetId})
SET l.paidInstallments = CASE WHEN coalesce(l.paidInstallments, 0) < row.props.installmentNo THEN row.props.installmentNo ELSE l.paidInstallments END,
    l.lastPaidAt = CASE WHEN coalesce(l.lastPaidAt, '') < row.props.paidAt THEN row.props.paidAt ELSE l.lastPaidAt END`;

const MISSED = `
UNWIND $rows AS row
MERGE (l:Loan {id: row.targetId})
SET l.maxDaysPastDue = CASE WHEN coalesce(l.maxDaysPastDue, -1) < row.props.daysPastDue THEN row.props.daysPastDue ELSE l.maxDaysPastDue END,
    l.firstMissedAt = CASE WHEN coalesce(l.firstMissedAt, '9999-12-31') > row.validFrom THEN row.validFrom ELSE l.firstMissedAt END`;

const DEFAULT = `
UNWIND $rows AS row
MERGE (c:Company {id: row.partyId})
MERGE (l:Loan {id: row.targetId})
SET l.status = 'DEFAULTED', l.exposure = row.props.exposure, l.defaultSrc = row.src,
    l.defaultedAt = CASE WHEN coalesce(l.defaultedAt, '9999-12-31') > row.validFrom THEN row.validFrom ELSE l.defaultedAt END,
    c.firstDefaultAt = CASE WHEN coalesce(c.firstDefaultAt, '9999-12-31') > row.validFrom THEN row.validFrom ELSE c.firstDefaultAt END
MERGE (c)-[:BORROWED]->(l)`;

const recordOf = (label: 'Company' | 'Person'): string => `
UNWIND $rows AS row
MERGE (s:${label} {id: row.partyId})
MERGE (r:PublicRecord {id: row.targetId})
SET r += row.props, r.filedAt = row.validFrom, r.src = row.src
MERGE (r)-[c:CONCERNS]->(s) SET c.validFrom = row.validFrom, c.validTo = row.validTo
WITH s, row WHERE row.props.kind = 'COURT_JUDGMENT'
SET s.firstJudgmentAt = CASE WHEN coalesce(s.firstJudgmentAt, '9999-12-31') > row.validFrom THEN row.validFrom ELSE s.firstJudgmentAt END`;

/** A party-to-party tie; the key is (from, to, validFrom) so a re-appointment is a new interval. */
const tie = (from: 'Company' | 'Person', type: string, to: 'Company', key = 'validFrom: row.validFrom'): string => `
UNWIND $rows AS row
MERGE (a:${from} {id: row.partyId})
MERGE (b:${to} {id: row.targetId})
MERGE (a)-[r:${type} {${key}}]->(b)
SET r += row.props, r.validFrom = row.validFrom, r.validTo = row.validTo, r.src = row.src`;

const PAYMENT = `
UNWIND $rows AS row
MERGE (a:Account {id: row.partyId})
MERGE (b:Account {id: row.targetId})
MERGE (a)-[r:PAID {month: row.props.month}]->(b)
SET r.count = row.props.count, r.totalAmount = row.props.totalAmount, r.validFrom = row.validFrom, r.src = row.src`;

export const GRAPH_WRITE_CYPHER: Readonly<Record<GraphRowBucket, string>> = {
  companies: COMPANY,
  persons: PERSON,
  companyAccounts: accountOf('Company'),
  personAccounts: accountOf('Person'),
  applications: APPLICATION,
  loans: LOAN,
  repayments: REPAYMENT,
  missedPayments: MISSED,
  defaults: DEFAULT,
  companyRecords: recordOf('Company'),
  personRecords: recordOf('Person'),
  directors: tie('Person', 'DIRECTOR_OF', 'Company'),
  companyShareholders: tie('Company', 'SHAREHOLDER_OF', 'Company'),
  personShareholders: tie('Person', 'SHAREHOLDER_OF', 'Company'),
  suppliers: tie('Company', 'SUPPLIES', 'Company'),
  companyGuarantees: tie('Company', 'GUARANTEES', 'Company', 'id: row.props.id'),
  personGuarantees: tie('Person', 'GUARANTEES', 'Company', 'id: row.props.id'),
  payments: PAYMENT,
};
