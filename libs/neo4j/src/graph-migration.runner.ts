import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Minimal port so the runner works with the Nest service and with a bare driver in the CLI. */
export interface CypherRunner {
  run(cypher: string, params?: Record<string, unknown>): Promise<void>;
  read<T extends Record<string, unknown>>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
}

export interface GraphMigration {
  id: string;
  statements: string[];
}

const APPLIED = 'MATCH (m:_GraphMigration) RETURN m.id AS id';
const RECORD = 'MERGE (m:_GraphMigration {id: $id}) SET m.appliedAt = datetime()';

/** Reads `NNN-name.cypher` files in order; statements are separated by semicolons at line end. */
export function loadGraphMigrations(dir: string): GraphMigration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.+\.cypher$/.test(f))
    .sort()
    .map((f) => ({
      id: f.replace(/\.cypher$/, ''),
      statements: readFileSync(join(dir, f), 'utf8')
        .split(/;\s*$/m)
        .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
        .filter((s) => s.length > 0),
    }));
}

/** Applies pending migrations; statements use IF NOT EXISTS so a re-run after a crash is harmless. */
export async function applyGraphMigrations(db: CypherRunner, migrations: GraphMigration[]): Promise<string[]> {
  const applied = new Set((await db.read<{ id: string }>(APPLIED)).map((r) => r.id));
  const done: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.id)) {
      continue;
    }
    for (const statement of m.statements) {
      await db.run(statement);
    }
    await db.run(RECORD, { id: m.id });
    done.push(m.id);
  }
  return done;
}

export const GRAPH_MIGRATIONS_DIR = join(__dirname, '..', '..', '..', 'graph', 'migrations');
