import { Injectable } from '@nestjs/common';

import { CoreBankingEventTypes as T, type CoreBankingEvent, type DomainEvent } from '@loanmesh/contracts';

import { addressKey } from '../pii/identifier-normalizer';
import { PiiTokenizerService } from '../pii/pii-tokenizer.service';

/**
 * Replaces national ids, phones and account numbers by keyed tokens and normalizes
 * addresses. Everything ingestion stores or publishes goes through here first, so clear
 * identifiers never leave the validated inbound event.
 */
@Injectable()
export class DomainEventNormalizer {
  constructor(private readonly tokens: PiiTokenizerService) {}

  normalize(event: CoreBankingEvent): DomainEvent {
    switch (event.type) {
      case T.companyRegistered:
      case T.companyUpdated: {
        const { phone, address, ...rest } = event.payload;
        return { ...event, payload: { ...rest, phoneToken: this.tokens.phone(phone), address: this.address(address) } };
      }
      case T.personRegistered: {
        const { nationalId, phone, address, ...rest } = event.payload;
        return {
          ...event,
          payload: {
            ...rest,
            nationalIdToken: this.tokens.nationalId(nationalId),
            phoneToken: this.tokens.phone(phone),
            address: this.address(address),
          },
        };
      }
      case T.accountOpened: {
        const { accountNumber, ...rest } = event.payload;
        return { ...event, payload: { ...rest, accountToken: this.tokens.accountNumber(accountNumber) } };
      }
      case T.directorLinked:
      case T.shareholderLinked:
      case T.supplierLinked:
      case T.guaranteeRegistered:
      case T.transactionBatch:
      case T.applicationSubmitted:
      case T.loanDisbursed:
      case T.repaymentMade:
      case T.paymentMissed:
      case T.loanDefaulted:
      case T.publicRecordFiled:
        // No personal identifiers in these payloads: the domain event carries them as they are.
        return event;
    }
  }

  private address(a: { line1: string; city: string; postcode: string }): {
    key: string;
    city: string;
    postcode: string;
  } {
    return { key: addressKey(a), city: a.city, postcode: a.postcode };
  }
}
