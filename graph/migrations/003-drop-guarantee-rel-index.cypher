// The relationship index on GUARANTEES(id) made the planner answer the writer's
// `MERGE (a)-[r:GUARANTEES {id: ...}]->(b)` with a full DirectedRelationshipIndexScan per row
// (5.4 million db hits for 1,682 rows, PROFILEd during the 120k build) whenever statistics
// were stale. Without it the MERGE is an Expand(Into) between the two bound, uniquely
// indexed endpoints. Nothing reads guarantees by id alone.
DROP INDEX guarantee_rel_id IF EXISTS;
