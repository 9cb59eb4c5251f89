import { Module } from '@nestjs/common';

import { DeadLetterConsumer } from './dead-letter.consumer';
import { DeadLetterLedgerService } from './dead-letter-ledger.service';
import { DeadLettersController } from './dead-letters.controller';

@Module({
  controllers: [DeadLetterConsumer, DeadLettersController],
  providers: [DeadLetterLedgerService],
})
export class DeadLettersModule {}
