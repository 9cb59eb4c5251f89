import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { keysetPages } from '@loanmesh/database';

import { ChainVerifier, type ChainVerification } from '../decisions/decision-chain';
import { DecisionEntity } from '../decisions/decision.entity';
import { AuditCheckpointReader, type RejectedCheckpoint } from './audit-checkpoint.reader';

const PAGE = 500;

export interface AuditVerification extends ChainVerification {
  checkpoints: {
    /** Signed by a pinned key, for this ledger. */
    verified: number;
    latestSeq: number | null;
    /** Decisions after the latest checkpoint: a rewrite there is not yet anchored. */
    unanchored: number;
    /** Forged, unknown-key or malformed records on the checkpoint topic (each one an alert). */
    rejected: RejectedCheckpoint[];
  };
}

/** Reads the decision ledger page by page: chain verification against the checkpoints, and streamed exports. */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checkpoints: AuditCheckpointReader,
  ) {}

  pages(): AsyncGenerator<DecisionEntity[]> {
    return keysetPages(this.dataSource.getRepository(DecisionEntity), 'seq', 0, PAGE);
  }

  /**
   * Recomputes every link from genesis and compares the ledger with every signed checkpoint
   * read from the topic; reports the first break (rewrite, re-chain, gap, truncation).
   */
  async verify(): Promise<AuditVerification> {
    const { verified, rejected } = await this.checkpoints.readAll();
    const verifier = new ChainVerifier(verified);
    for await (const page of this.pages()) {
      if (!verifier.feed(page)) {
        break;
      }
    }
    const chain = verifier.finish();
    const latestSeq = verified.length === 0 ? null : Math.max(...verified.map((c) => c.seq));
    return {
      ...chain,
      ok: chain.ok && rejected.length === 0,
      checkpoints: {
        verified: verified.length,
        latestSeq,
        unanchored: Math.max(0, chain.lastSeq - (latestSeq ?? 0)),
        rejected,
      },
    };
  }
}
