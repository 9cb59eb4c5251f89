import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** A role or schema name checked before it is quoted into DDL (GRANT takes no parameters). */
export function sqlIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(`not a plain lower-case SQL identifier: ${JSON.stringify(name)}`);
  }
  return `"${name}"`;
}

/** The role a postgres:// URL connects as (undefined when the URL names none). */
export function roleOfUrl(url: string): string | undefined {
  const user = decodeURIComponent(new URL(url).username);
  return user === '' ? undefined : user;
}

export interface ApplicationGrants {
  schema: string;
  migrationsTable: string;
  /** Tables the application role may read and append to, never change, delete or truncate. */
  appendOnlyTables: readonly string[];
}

/**
 * Run by the owner role after its migrations: the application role may read and write the
 * schema's tables, except the migration history (read only) and the append-only ledgers
 * (SELECT and INSERT only). Not being the owner, it can neither ALTER a table nor disable
 * a trigger. Idempotent, so every boot re-applies it and new tables are covered.
 */
export async function grantApplicationRole(owner: DataSource, appRole: string, g: ApplicationGrants): Promise<void> {
  const [s, app] = [sqlIdentifier(g.schema), sqlIdentifier(appRole)];
  const table = (name: string) => `${s}.${sqlIdentifier(name)}`;
  await owner.query(`
    GRANT USAGE ON SCHEMA ${s} TO ${app};
    REVOKE CREATE ON SCHEMA ${s} FROM ${app};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${app};
    REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${s} FROM ${app};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${app};
    REVOKE INSERT, UPDATE, DELETE ON ${table(g.migrationsTable)} FROM ${app};
    ${g.appendOnlyTables.map((t) => `REVOKE UPDATE, DELETE ON ${table(t)} FROM ${app};`).join('\n')}
  `);
}

export interface DatabaseRoles {
  /** Owns the schemas and runs the migrations; never given to a running service in production. */
  owner: string;
  /** What the services connect as. */
  app: string;
  /** Service schemas whose existing objects move to the owner (a database set up before the roles). */
  schemas: readonly string[];
}

/**
 * The bootstrap step, run once per database by an administrator (a superuser or a role
 * with CREATEROLE that owns the objects): creates both roles when missing, without
 * passwords (local trust authentication; production sets them, see docs/operations.md),
 * lets the owner create schemas, and hands it whatever the services created before.
 */
export async function ensureDatabaseRoles(adminUrl: string, roles: DatabaseRoles): Promise<void> {
  const [owner, app] = [sqlIdentifier(roles.owner), sqlIdentifier(roles.app)];
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const role of [owner, app]) {
      // Two suites bootstrapping at once may race: whoever loses finds the role there.
      await admin.query(`DO $$ BEGIN CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    }
    const { rows } = await admin.query<{ db: string }>('SELECT current_database() AS db');
    const db = sqlIdentifier(rows[0].db);
    await admin.query(`GRANT CONNECT, CREATE, TEMPORARY ON DATABASE ${db} TO ${owner}`);
    await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${app}`);
    for (const schema of roles.schemas) {
      await transferSchema(admin, schema, roles.owner);
    }
  } finally {
    await admin.end();
  }
}

async function transferSchema(admin: Client, schema: string, owner: string): Promise<void> {
  const [s, o] = [sqlIdentifier(schema), sqlIdentifier(owner)];
  const exists = await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (exists.rowCount === 0) {
    return;
  }
  await admin.query(`ALTER SCHEMA ${s} OWNER TO ${o}`);
  // Sequences behind serial or identity columns follow their table.
  const relations = await admin.query<{ name: string; kind: string }>(
    `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(c.relowner) <> $2
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
          AND d.objid = c.oid AND d.deptype IN ('a', 'i')))`,
    [schema, owner],
  );
  const keyword: Record<string, string> = { r: 'TABLE', p: 'TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', S: 'SEQUENCE' };
  for (const r of relations.rows) {
    await admin.query(`ALTER ${keyword[r.kind]} ${s}."${r.name.replace(/"/g, '""')}" OWNER TO ${o}`);
  }
  const functions = await admin.query<{ signature: string }>(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = $1 AND pg_get_userbyid(p.proowner) <> $2`,
    [schema, owner],
  );
  for (const f of functions.rows) {
    await admin.query(`ALTER ROUTINE ${f.signature} OWNER TO ${o}`);
  }
  new Logger('DatabaseRoles').log({
    msg: 'schema handed to the owner role',
    schema,
    owner,
    relations: relations.rowCount,
  });
}
