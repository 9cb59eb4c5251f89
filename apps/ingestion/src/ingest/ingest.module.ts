import { Module } from '@nestjs/common';

import { InboxModule } from '@loanmesh/database';

import { SystemClock } from '../common/system-clock.service';
import { ConsumerProgressRepository } from '../freshness/consumer-progress.repository';
import { ConsumerProgressService } from '../freshness/consumer-progress.service';
import { PiiTokenizerService } from '../pii/pii-tokenizer.service';
import { CoreBankingIngestService } from './core-banking-ingest.service';
import { CoreBankingConsumer } from './core-banking.consumer';
import { DomainEventNormalizer } from './domain-event.normalizer';
import { IngestionStoreRepository } from './ingestion-store.repository';

/** Core-banking events into the store and the outbox. Needs the global outbox module. */
@Module({
  imports: [InboxModule],
  controllers: [CoreBankingConsumer],
  providers: [
    CoreBankingIngestService,
    IngestionStoreRepository,
    DomainEventNormalizer,
    PiiTokenizerService,
    SystemClock,
    ConsumerProgressRepository,
    ConsumerProgressService,
  ],
})
export class IngestModule {}
