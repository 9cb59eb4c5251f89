import { Command } from 'commander';

import { ensureDatabaseRoles } from '../database-roles';

/**
 * `npm run db:roles`: creates the owner and application roles of one database and hands the
 * owner the service schemas that already exist. Run by an administrator before the services
 * (scripts/services.sh does it locally); see docs/operations.md for production.
 */
const program = new Command()
  .name('db:roles')
  .option(
    '--admin-url <url>',
    'a superuser (or CREATEROLE) connection to the database',
    'postgres://postgres@127.0.0.1:5432/loanmesh',
  )
  .option('--owner <role>', 'owns the schemas, runs the migrations', 'loanmesh_owner')
  .option('--app <role>', 'what the services connect as', 'loanmesh_app')
  .option('--schemas <list>', 'service schemas to hand to the owner', 'ingestion,inference,review')
  .action(async (o: { adminUrl: string; owner: string; app: string; schemas: string }) => {
    const schemas = o.schemas.split(',').filter((s) => s !== '');
    await ensureDatabaseRoles(o.adminUrl, { owner: o.owner, app: o.app, schemas });
    console.log(`db:roles: owner ${o.owner}, application ${o.app}, schemas ${schemas.join(', ')}`);
  });

program.parseAsync(process.argv).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`db:roles: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
