export * from './neo4j.tokens';
export * from './neo4j-driver.factory';
export * from './neo4j.service';
export * from './graph-migration.runner';
export * from './neo4j-health.indicator';
export * from './neo4j.module';
