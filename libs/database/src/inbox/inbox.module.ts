import { Module } from '@nestjs/common';

import { InboxService } from './inbox.service';

/**
 * Idempotent consumption: import it and list `createInboxMigration`, then
 * `createInboxIdentityMigration`, in the service's migrations.
 */
@Module({ providers: [InboxService], exports: [InboxService] })
export class InboxModule {}
