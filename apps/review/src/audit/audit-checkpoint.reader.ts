import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';

import { APP_CONFIG } from '@loanmesh/config';
import { type AuditCheckpointPayload, auditCheckpointSchema, Topics } from '@loanmesh/contracts';
import { KAFKA_CLIENT, scanTopic } from '@loanmesh/kafka';

import type { ReviewConfig } from '../config/review.config';
import { checkCheckpoint } from './audit-keys';
import { AuditSignerService } from './audit-signer.service';

export interface RejectedCheckpoint {
  offset: string;
  seq?: number;
  reason: 'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';
}

export interface CheckpointRead {
  /** This ledger's checkpoints whose signature verifies against the pinned keys, in topic order. */
  verified: AuditCheckpointPayload[];
  rejected: RejectedCheckpoint[];
}

/**
 * Reads every checkpoint of this ledger from `audit.checkpoints.v1`, the copy the database
 * holders cannot change: checkpoints of other ledgers are skipped, forged or malformed ones
 * reported.
 */
@Injectable()
export class AuditCheckpointReader {
  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(APP_CONFIG) private readonly config: Pick<ReviewConfig, 'AUDIT_LEDGER_ID'>,
    private readonly signer: AuditSignerService,
  ) {}

  async readAll(): Promise<CheckpointRead> {
    const read: CheckpointRead = { verified: [], rejected: [] };
    for (const { message } of await scanTopic(this.kafka, Topics.auditCheckpoints)) {
      if (message.key?.toString() !== this.config.AUDIT_LEDGER_ID) {
        continue;
      }
      const parsed = auditCheckpointSchema.safeParse(parseJson(message.value?.toString()));
      if (!parsed.success || parsed.data.payload.ledgerId !== this.config.AUDIT_LEDGER_ID) {
        read.rejected.push({ offset: message.offset, reason: 'MALFORMED' });
        continue;
      }
      const check = checkCheckpoint(this.signer.verifyKeys, parsed.data.payload);
      if (check === 'VALID') {
        read.verified.push(parsed.data.payload);
      } else {
        read.rejected.push({ offset: message.offset, seq: parsed.data.payload.seq, reason: check });
      }
    }
    return read;
  }
}

function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
