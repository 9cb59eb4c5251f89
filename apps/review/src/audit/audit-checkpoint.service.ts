import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { APP_CONFIG } from '@loanmesh/config';
import {
  type AuditCheckpointEvent,
  auditCheckpointSchema,
  type AuditCheckpointStatement,
  canonicalJson,
  Topics,
} from '@loanmesh/contracts';
import { keysetPages, OutboxRelayService, OutboxWriter } from '@loanmesh/database';

import type { ReviewConfig } from '../config/review.config';
import { ChainVerifier, type ChainVerification, GENESIS_HASH } from '../decisions/decision-chain';
import { DecisionEntity } from '../decisions/decision.entity';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { AuditSignerService } from './audit-signer.service';

type CheckpointConfig = Pick<
  ReviewConfig,
  'AUDIT_LEDGER_ID' | 'AUDIT_CHECKPOINT_EVERY' | 'AUDIT_CHECKPOINT_INTERVAL_MS' | 'AUDIT_CHECKPOINT_POLL_MS'
>;

/** Serialises checkpoint writers across replicas; a replica that does not get it skips the round. */
const CHECKPOINT_LOCK = 'review-audit-checkpoint';

/**
 * Every AUDIT_CHECKPOINT_EVERY decisions or AUDIT_CHECKPOINT_INTERVAL_MS, publishes a signed
 * checkpoint of the ledger head to `audit.checkpoints.v1` through the outbox. One replica at
 * a time (advisory lock), one checkpoint per sequence (primary key), and only over rows that
 * link to the previous checkpoint: a checkpoint never vouches for a chain already broken.
 */
@Injectable()
export class AuditCheckpointService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AuditCheckpointService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly signer: AuditSignerService,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelayService,
    @Inject(APP_CONFIG) private readonly config: CheckpointConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.AUDIT_CHECKPOINT_POLL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * Checkpoints the current head when one is due (`force`: whenever the head moved).
   * Returns what was signed, or undefined when nothing was due or another replica holds the turn.
   */
  async checkpoint(force = false, now = new Date()): Promise<AuditCheckpointStatement | undefined> {
    const statement = await this.dataSource.transaction((m) => this.checkpointIn(m, force, now));
    if (statement) {
      this.relay.wake();
      this.logger.log({ msg: 'audit checkpoint written', seq: statement.seq, keyId: statement.keyId });
    }
    return statement;
  }

  private tick(): void {
    if (this.running) {
      return;
    }
    this.running = this.checkpoint()
      .catch((e: unknown) => this.logger.warn({ msg: 'audit checkpoint failed', error: String(e) }))
      .finally(() => (this.running = undefined));
  }

  private async checkpointIn(
    m: EntityManager,
    force: boolean,
    now: Date,
  ): Promise<AuditCheckpointStatement | undefined> {
    const [{ locked }] = await m.query<{ locked: boolean }[]>(
      'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
      [CHECKPOINT_LOCK],
    );
    if (!locked) {
      return undefined;
    }
    const last = await m
      .getRepository(AuditCheckpointEntity)
      .createQueryBuilder('c')
      .orderBy('c.seq', 'DESC')
      .limit(1)
      .getOne();
    const head = await m
      .getRepository(DecisionEntity)
      .createQueryBuilder('d')
      .select(['d.seq', 'd.hash'])
      .orderBy('d.seq', 'DESC')
      .limit(1)
      .getOne();
    if (!head || head.seq <= (last?.seq ?? 0) || !(force || this.due(head.seq, last, now))) {
      return undefined;
    }
    const since = await this.verifySince(m, last, head.seq);
    if (!since.ok) {
      this.logger.error({
        msg: 'audit checkpoint refused: the ledger does not continue the last checkpoint',
        ...since,
      });
      return undefined;
    }
    const statement: AuditCheckpointStatement = {
      ledgerId: this.config.AUDIT_LEDGER_ID,
      seq: head.seq,
      hash: head.hash,
      at: now.toISOString(),
      algorithm: 'Ed25519',
      keyId: this.signer.keyId,
    };
    const event: AuditCheckpointEvent = auditCheckpointSchema.parse({
      eventId: randomUUID(),
      type: 'audit.checkpoint',
      schemaVersion: 1,
      occurredAt: statement.at,
      producedAt: new Date().toISOString(),
      source: 'review',
      correlationId: `audit-checkpoint-${statement.ledgerId}-${statement.seq}`,
      payload: { ...statement, signature: this.signer.sign(canonicalJson(statement)) },
    });
    await m.insert(AuditCheckpointEntity, { seq: head.seq, hash: head.hash, createdAt: now, keyId: statement.keyId });
    await this.outbox.write(m, [{ topic: Topics.auditCheckpoints, key: statement.ledgerId, payload: event }]);
    return statement;
  }

  private due(headSeq: number, last: AuditCheckpointEntity | null, now: Date): boolean {
    return (
      last === null ||
      headSeq - last.seq >= this.config.AUDIT_CHECKPOINT_EVERY ||
      now.getTime() - last.createdAt.getTime() >= this.config.AUDIT_CHECKPOINT_INTERVAL_MS
    );
  }

  /** The rows after the last checkpoint, up to the head, must link to it and hash right. */
  private async verifySince(
    m: EntityManager,
    last: AuditCheckpointEntity | null,
    headSeq: number,
  ): Promise<ChainVerification> {
    const from = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
    const verifier = new ChainVerifier([], { from });
    for await (const page of keysetPages(m.getRepository(DecisionEntity), 'seq', from.seq)) {
      const upToHead = page.filter((d) => d.seq <= headSeq);
      if (!verifier.feed(upToHead) || upToHead.length < page.length) {
        break;
      }
    }
    return verifier.finish();
  }
}
