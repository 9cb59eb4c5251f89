import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';

import { type CoreBankingEvent, coreBankingRegistry, Topics } from '@loanmesh/contracts';
import { InboundBatchService, type KafkaBatchContext } from '@loanmesh/kafka';

import { ConsumerProgressService } from '../freshness/consumer-progress.service';
import { CoreBankingIngestService } from './core-banking-ingest.service';

/** Core-banking records: validated by the shared inbound edge, applied by the ingest service. */
@Controller()
export class CoreBankingConsumer {
  constructor(
    private readonly inbound: InboundBatchService,
    private readonly ingest: CoreBankingIngestService,
    private readonly progress: ConsumerProgressService,
  ) {}

  @EventPattern(Topics.coreBankingEvents)
  async onRecords(@Ctx() ctx: KafkaBatchContext): Promise<void> {
    await this.inbound.process<CoreBankingEvent>(ctx.records, coreBankingRegistry, (items) =>
      this.ingest.ingestBatch(items),
    );
    await this.progress.processed(ctx.records);
  }
}
