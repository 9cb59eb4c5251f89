import { loadConfig, LOCAL_ENV, neo4jConfig } from '@loanmesh/config';

import { applyGraphMigrations, GRAPH_MIGRATIONS_DIR, loadGraphMigrations } from '../graph-migration.runner';
import { createNeo4jDriver } from '../neo4j-driver.factory';

async function main(): Promise<void> {
  const config = loadConfig(neo4jConfig, { ...LOCAL_ENV, ...process.env });
  const driver = createNeo4jDriver(
    { url: config.NEO4J_URL, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD },
    5000,
  );
  try {
    const db = {
      run: async (c: string, p?: Record<string, unknown>) => {
        await driver.executeQuery(c, p);
      },
      read: async <T extends Record<string, unknown>>(c: string, p?: Record<string, unknown>) =>
        (await driver.executeQuery(c, p)).records.map((r) => r.toObject() as T),
    };
    const applied = await applyGraphMigrations(db, loadGraphMigrations(GRAPH_MIGRATIONS_DIR));
    console.log(applied.length ? `applied graph migrations: ${applied.join(', ')}` : 'graph schema is up to date');
  } finally {
    await driver.close();
  }
}

main().catch((e: unknown) => {
  console.error(`graph:migrate failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
