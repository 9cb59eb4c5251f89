// Lookup indexes the graph writer, entity resolution and feature queries rely on.
CREATE INDEX account_token IF NOT EXISTS FOR (n:Account) ON (n.token);
CREATE INDEX person_national_id IF NOT EXISTS FOR (n:Person) ON (n.nationalIdToken);
CREATE INDEX company_reg_norm IF NOT EXISTS FOR (n:Company) ON (n.regNorm);
CREATE INDEX person_birth_year IF NOT EXISTS FOR (n:Person) ON (n.birthYear);
CREATE CONSTRAINT match_candidate_id IF NOT EXISTS FOR (n:MatchCandidate) REQUIRE n.id IS UNIQUE;
CREATE INDEX match_candidate_status IF NOT EXISTS FOR (n:MatchCandidate) ON (n.status);
CREATE INDEX guarantee_rel_id IF NOT EXISTS FOR ()-[r:GUARANTEES]-() ON (r.id);
