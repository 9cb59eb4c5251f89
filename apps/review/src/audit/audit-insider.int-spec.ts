import { randomUUID } from 'node:crypto';

import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { APP_CONFIG } from '@loanmesh/config';
import { Topics } from '@loanmesh/contracts';
import { KafkaTestClient, waitFor } from '@loanmesh/testing';

import type { ReviewConfig } from '../config/review.config';
import { type ChainLink, type HashVersion, linkHash, verifyLinks } from '../decisions/decision-chain';
import { DecisionLedgerService } from '../decisions/decision-ledger.service';
import { type ReviewTestApp, startReviewTestApp } from '../testing/review-test-app';
import { AuditCheckpointService } from './audit-checkpoint.service';
import type { AuditVerification } from './audit.service';

jest.setTimeout(120000);

interface StoredRow extends ChainLink {
  hashVersion: HashVersion;
}

/**
 * The insider scenarios of docs/security.md "Audit trail", on the real PostgreSQL roles and
 * the real Kafka topic: the service's own role cannot rewrite the ledger; the owner role can,
 * and the checkpoints published outside the database reveal it.
 */
describe('audit trail against an insider (real PostgreSQL roles and Kafka)', () => {
  let t: ReviewTestApp;
  let app: DataSource;
  let owner: Client;
  let auditor: string;

  beforeAll(async () => {
    // Checkpoints only when a test asks for one.
    t = await startReviewTestApp({ AUDIT_CHECKPOINT_POLL_MS: '3600000' });
    app = t.app.get(DataSource);
    owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    auditor = await t.login('auditor1');
  });

  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  const decide = (n: number) =>
    app.transaction((m) =>
      t.app.get(DecisionLedgerService).appendMany(
        m,
        Array.from({ length: n }, () => {
          const applicationId = `app-${randomUUID()}`;
          return {
            applicationId,
            companyId: 'co-1',
            outcome: 'DECLINED' as const,
            automatic: false,
            decidedBy: 'officer1',
            decidedAt: new Date(),
            content: { kind: 'HUMAN', applicationId, reasonCode: 'DEC_HIGH_LEVERAGE' },
          };
        }),
      ),
    );
  const verify = async (): Promise<AuditVerification> => {
    const res = await t.call(auditor, 'GET', '/audit/verify');
    expect(res.status).toBe(200);
    return res.body as AuditVerification;
  };
  /** Checkpoints the head and waits until the relay has put it on the topic. */
  const checkpointHead = async (): Promise<number> => {
    const statement = await t.app.get(AuditCheckpointService).checkpoint(true);
    const seq = statement?.seq ?? 0;
    await waitFor(
      async () => ((await verify()).checkpoints.latestSeq === seq ? true : undefined),
      30000,
      `checkpoint ${seq}`,
    );
    return seq;
  };
  const asOwner = async (...statements: string[]): Promise<void> => {
    await owner.query('ALTER TABLE review.decisions DISABLE TRIGGER decisions_append_only');
    try {
      for (const sql of statements) {
        await owner.query(sql);
      }
    } finally {
      await owner.query('ALTER TABLE review.decisions ENABLE TRIGGER decisions_append_only');
    }
  };
  const rows = async (): Promise<StoredRow[]> =>
    (
      await owner.query<Record<string, unknown>>(
        `SELECT seq, id, application_id, company_id, outcome, automatic, decided_by, decided_at, content,
           previous_hash, hash_version, hash FROM review.decisions ORDER BY seq`,
      )
    ).rows.map((r) => ({
      seq: Number(r.seq),
      id: String(r.id),
      applicationId: String(r.application_id),
      companyId: String(r.company_id),
      outcome: String(r.outcome),
      automatic: Boolean(r.automatic),
      decidedBy: String(r.decided_by),
      decidedAt: r.decided_at as Date,
      content: r.content,
      previousHash: String(r.previous_hash),
      hashVersion: Number(r.hash_version) as HashVersion,
      hash: String(r.hash),
    }));
  /** Writes back every row from `from` on with its links recomputed: the re-chaining insider. */
  const writeChain = async (chain: StoredRow[]): Promise<void> => {
    const updates = chain.map(
      (r) =>
        `UPDATE review.decisions SET outcome = '${r.outcome}', previous_hash = '${r.previousHash}', hash = '${r.hash}' WHERE seq = ${r.seq}`,
    );
    const last = chain[chain.length - 1];
    await asOwner(
      ...updates,
      `UPDATE review.decision_chain_head SET last_seq = ${last.seq}, last_hash = '${last.hash}' WHERE id = 1`,
    );
  };

  it('should let the application role append and read the ledger but never change, delete, truncate or untrigger it', async () => {
    await decide(3);

    for (const [table, key] of [
      ['decisions', 'seq'],
      ['case_events', 'id'],
      ['audit_checkpoints', 'seq'],
    ]) {
      await expect(app.query(`UPDATE review.${table} SET ${key} = ${key}`)).rejects.toThrow(
        `permission denied for table ${table}`,
      );
      await expect(app.query(`DELETE FROM review.${table}`)).rejects.toThrow(`permission denied for table ${table}`);
      await expect(app.query(`TRUNCATE review.${table}`)).rejects.toThrow(`permission denied for table ${table}`);
    }
    await expect(app.query('ALTER TABLE review.decisions DISABLE TRIGGER decisions_append_only')).rejects.toThrow(
      'must be owner of table decisions',
    );
    await expect(app.query('DROP TRIGGER decisions_append_only ON review.decisions')).rejects.toThrow('must be owner');
    const [{ n }] = await app.query<{ n: number }[]>('SELECT count(*)::int AS n FROM review.decisions');
    expect(n).toBe(3);
  });

  it('should verify the chain against the signed checkpoints read from the audit topic', async () => {
    await checkpointHead();
    await decide(3);
    expect(await checkpointHead()).toBe(6);
    await decide(2);

    const result = await verify();

    expect(result).toMatchObject({ ok: true, checked: 8, lastSeq: 8, checkpointsMatched: 2 });
    expect(result.checkpoints).toEqual({ verified: 2, latestSeq: 6, unanchored: 2, rejected: [] });
  });

  it.each([
    ['outcome', `outcome = 'APPROVED'`],
    ['decided_by', `decided_by = 'officer2'`],
  ])('should detect a change of %s alone, even after the last checkpoint', async (_, change) => {
    const [before] = (await rows()).filter((r) => r.seq === 7);

    await asOwner(`UPDATE review.decisions SET ${change} WHERE seq = 7`);
    const result = await verify();
    await asOwner(
      `UPDATE review.decisions SET outcome = '${before.outcome}', decided_by = '${before.decidedBy}' WHERE seq = 7`,
    );

    expect(result).toMatchObject({ ok: false, brokenAt: { seq: 7, reason: 'CONTENT_HASH_MISMATCH' } });
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('should detect an owner-role rewrite that re-chains every later hash, by the checkpoint after it', async () => {
    const original = await rows();
    const rewritten = original.map((r) => ({ ...r }));
    rewritten[1].outcome = 'APPROVED';
    for (let i = 1; i < rewritten.length; i++) {
      rewritten[i].previousHash = rewritten[i - 1].hash;
      rewritten[i].hash = linkHash(rewritten[i]);
    }

    await writeChain(rewritten.slice(1));
    const result = await verify();
    await writeChain(original.slice(1));

    // Every hash and link is consistent: only the anchor outside the database shows the rewrite.
    expect(verifyLinks(rewritten)).toMatchObject({ ok: true });
    expect(result).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, reason: 'CHECKPOINT_MISMATCH', detail: expect.stringContaining('re-chained') as string },
    });
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('should detect a tail deleted with the owner role, by the checkpoint beyond the last row', async () => {
    const [kept] = (await rows()).filter((r) => r.seq === 4);

    await asOwner(
      'DELETE FROM review.decisions WHERE seq > 4',
      `UPDATE review.decision_chain_head SET last_seq = 4, last_hash = '${kept.hash}' WHERE id = 1`,
    );
    const result = await verify();

    expect(result).toMatchObject({
      ok: false,
      lastSeq: 4,
      brokenAt: { seq: 5, reason: 'TRUNCATED', detail: expect.stringContaining('checkpoint at sequence 6') as string },
    });
  });

  it('should report a checkpoint on the topic that no pinned key signed', async () => {
    const kafka = new KafkaTestClient();
    const { AUDIT_LEDGER_ID: ledgerId } = t.app.get<ReviewConfig>(APP_CONFIG);
    try {
      const forged = {
        eventId: randomUUID(),
        type: 'audit.checkpoint',
        schemaVersion: 1,
        occurredAt: new Date().toISOString(),
        producedAt: new Date().toISOString(),
        source: 'review',
        correlationId: 'forged',
        payload: {
          ledgerId,
          seq: 1,
          hash: 'a'.repeat(64),
          at: new Date().toISOString(),
          algorithm: 'Ed25519',
          keyId: 'mallory',
          signature: `${'A'.repeat(86)}==`,
        },
      };
      await kafka.produce(Topics.auditCheckpoints, [{ key: ledgerId, value: JSON.stringify(forged) }]);
      const result = await waitFor(
        async () => {
          const v = await verify();
          return v.checkpoints.rejected.length > 0 ? v : undefined;
        },
        30000,
        'the forged checkpoint',
      );

      expect(result.ok).toBe(false);
      expect(result.checkpoints.rejected).toEqual([expect.objectContaining({ seq: 1, reason: 'UNKNOWN_KEY' })]);
    } finally {
      await kafka.close();
    }
  });
});
