import 'reflect-metadata';

import { DataSource } from 'typeorm';
import { z } from 'zod';

import { databaseConfig, loadConfig } from '@loanmesh/config';
import { createDataSourceOptions } from '@loanmesh/database';

import { INGESTION_SCHEMA, ingestionEntities } from '../database/ingestion-database';
import { DeadLetterLedgerService } from './dead-letter-ledger.service';

/** Lists ingestion's dead letters: counts by reason code, then the latest ones. Usage: [--limit N] */
async function main(): Promise<void> {
  const config = loadConfig({ DATABASE_URL: databaseConfig.DATABASE_URL });
  const limitArg = process.argv.indexOf('--limit');
  const limit = z.coerce
    .number()
    .int()
    .min(0)
    .max(1000)
    .parse(limitArg >= 0 ? process.argv[limitArg + 1] : 20);
  const options = createDataSourceOptions({
    url: config.DATABASE_URL,
    schema: INGESTION_SCHEMA,
    entities: ingestionEntities,
    migrations: [],
  });
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  try {
    const listing = await new DeadLetterLedgerService(dataSource).list(limit);
    console.log(`dead letters: ${listing.total}`);
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
