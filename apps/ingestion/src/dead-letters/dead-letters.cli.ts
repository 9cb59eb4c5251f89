import 'reflect-metadata';

import { DataSource } from 'typeorm';
import { z } from 'zod';

import { databaseConfig, loadConfig } from '@loanmesh/config';
import { createDataSourceOptions } from '@loanmesh/database';

import { INGESTION_SCHEMA, ingestionEntities } from '../database/ingestion-database';
import { DeadLetterLedgerService } from './dead-letter-ledger.service';

const argsSchema = z.object({
  limit: z.coerce.number().int().min(0).max(1000).default(20),
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/, 'a reason code such as EVENT_ID_CONFLICT')
    .optional(),
});

/** The value after `--name`, if the flag is given. */
function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? '') : undefined;
}

/**
 * Lists ingestion's dead letters: counts by reason code, then the latest ones.
 * Usage: [--limit N] [--code CODE]
 */
async function main(): Promise<void> {
  const config = loadConfig({ DATABASE_URL: databaseConfig.DATABASE_URL });
  const args = argsSchema.safeParse({ limit: flag('limit'), code: flag('code') });
  if (!args.success) {
    const issue = args.error.issues[0];
    throw new Error(`--${issue?.path.join('.') ?? 'arguments'}: ${issue?.message ?? 'invalid'}`);
  }
  const { limit, code } = args.data;
  const options = createDataSourceOptions({
    url: config.DATABASE_URL,
    schema: INGESTION_SCHEMA,
    entities: ingestionEntities,
    migrations: [],
  });
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  try {
    const listing = await new DeadLetterLedgerService(dataSource).list({ limit, code });
    console.log(
      code === undefined ? `dead letters: ${listing.total}` : `dead letters with code ${code}: ${listing.total}`,
    );
    console.table(listing.byCode);
    console.table(listing.items);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
