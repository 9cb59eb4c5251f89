import { AccountEntity } from './account.entity';
import { CompanyEntity } from './company.entity';
import { DuplicateDeliveryEntity } from './duplicate-delivery.entity';
import { GuaranteeEntity } from './guarantee.entity';
import { HistoryApplicationEntity } from './history-application.entity';
import { LoanApplicationEntity } from './loan-application.entity';
import { LoanEventEntity } from './loan-event.entity';
import { LoanEntity } from './loan.entity';
import { ParkedApplicationEntity } from './parked-application.entity';
import { PartyLinkEntity } from './party-link.entity';
import { PersonEntity } from './person.entity';
import { PublicRecordEntity } from './public-record.entity';
import { RawEventEntity } from './raw-event.entity';
import { TransactionFlowEntity } from './transaction-flow.entity';

export const storeEntities = [
  RawEventEntity,
  DuplicateDeliveryEntity,
  CompanyEntity,
  PersonEntity,
  AccountEntity,
  PartyLinkEntity,
  GuaranteeEntity,
  TransactionFlowEntity,
  LoanApplicationEntity,
  LoanEntity,
  LoanEventEntity,
  PublicRecordEntity,
  ParkedApplicationEntity,
  HistoryApplicationEntity,
];
