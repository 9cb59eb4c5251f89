import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

import { type AuditCheckpointPayload, canonicalJson } from '@loanmesh/contracts';

import { type ChainLink, GENESIS_HASH, linkHash } from '../decisions/decision-chain';
import { BundleBuilder, verifyBundle } from './audit-bundle';

interface Key {
  id: string;
  privateKey: KeyObject;
  pem: string;
}

function key(id: string): Key {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { id, privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const [old, current, stranger] = [key('audit-2024'), key('audit-2025'), key('unknown')];
const pinned = new Map([
  [old.id, old.pem],
  [current.id, current.pem],
]);

function chain(n: number): ChainLink[] {
  let previousHash = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const unhashed = {
      seq: i + 1,
      id: `id-${i + 1}`,
      applicationId: `app-${i + 1}`,
      companyId: 'co-1',
      outcome: i === 1 ? 'DECLINED' : 'APPROVED',
      automatic: true,
      decidedBy: 'policy',
      decidedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
      content: { guarantor: 'Jane Doe' },
      previousHash,
      hashVersion: 2 as const,
    };
    const link = { ...unhashed, hash: linkHash(unhashed) };
    previousHash = link.hash;
    return link;
  });
}

function checkpoint(by: Key, row: ChainLink): AuditCheckpointPayload {
  const statement = {
    ledgerId: 'review',
    seq: row.seq,
    hash: row.hash,
    at: '2025-01-01T00:00:00.000Z',
    algorithm: 'Ed25519' as const,
    keyId: by.id,
  };
  return {
    ...statement,
    signature: sign(null, Buffer.from(canonicalJson(statement)), by.privateKey).toString('base64'),
  };
}

interface BundleOptions {
  mask?: boolean;
  by?: Key;
  rows?: ChainLink[];
  checkpoints?: AuditCheckpointPayload[];
}

function bundle({ mask = false, by = current, rows = chain(3), checkpoints = [] }: BundleOptions = {}): string[] {
  const b = new BundleBuilder();
  const lines = [
    b.line({
      kind: 'header',
      bundleVersion: 2,
      exportedAt: 'now',
      exportedBy: 'auditor1',
      role: 'auditor',
      masked: mask,
    }),
    ...checkpoints.map((c) => b.checkpoint(c)),
  ];
  for (const row of rows) {
    lines.push(b.decision(row, mask ? { ...row, content: { guarantor: 'J*** D**' } } : row));
  }
  lines.push(b.manifest(by.id, (text) => sign(null, Buffer.from(text), by.privateKey).toString('base64')));
  return lines.join('').trimEnd().split('\n');
}

async function* linesOf(lines: string[]): AsyncGenerator<string> {
  for (const line of lines) {
    yield await Promise.resolve(line);
  }
}

describe('audit bundle', () => {
  it('should verify an untouched bundle with its checkpoints, recomputing every hash when unmasked', async () => {
    const rows = chain(3);
    const result = await verifyBundle(linesOf(bundle({ rows, checkpoints: [checkpoint(old, rows[1])] })), pinned);

    expect(result).toEqual({
      ok: true,
      decisions: 3,
      checkpoints: 1,
      masked: false,
      lastHash: rows[2].hash,
      problems: [],
    });
  });

  it('should verify a masked bundle by its chain continuity and signature', async () => {
    const result = await verifyBundle(linesOf(bundle({ mask: true })), pinned);

    expect(result).toMatchObject({ ok: true, decisions: 3, masked: true });
  });

  it('should verify a bundle signed by a rotated-out key of the pinned set', async () => {
    expect(await verifyBundle(linesOf(bundle({ by: old })), pinned)).toMatchObject({ ok: true });
  });

  it('should reject a bundle or a checkpoint signed by a key outside the pinned set', async () => {
    const rows = chain(3);

    expect((await verifyBundle(linesOf(bundle({ by: stranger })), pinned)).problems).toEqual([
      'signed with key unknown, which is not in the pinned key set',
    ]);
    expect(
      (await verifyBundle(linesOf(bundle({ rows, checkpoints: [checkpoint(stranger, rows[0])] })), pinned)).problems,
    ).toEqual(['checkpoint seq 1: key unknown is not pinned']);
  });

  it('should reject a bundle that does not start at genesis, even when signed', async () => {
    const { problems } = await verifyBundle(linesOf(bundle({ rows: chain(4).slice(1) })), pinned);

    expect(problems).toEqual([
      expect.stringContaining('decision seq 2: NOT_GENESIS'),
      'the bundle does not start at genesis (sequence 1, the genesis hash)',
    ]);
  });

  it('should reject a bundle that skips a sequence number, even when signed', async () => {
    const rows = chain(4);
    const { problems } = await verifyBundle(linesOf(bundle({ rows: [rows[0], rows[1], rows[3]] })), pinned);

    expect(problems).toEqual([expect.stringContaining('decision seq 4: SEQUENCE_GAP')]);
  });

  it('should report a re-chained rewrite and a truncation through the checkpoints', async () => {
    const rows = chain(4);
    const rewritten = rows.map((r) => ({ ...r }));
    rewritten[1].outcome = 'APPROVED';
    for (let i = 1; i < rewritten.length; i++) {
      rewritten[i].previousHash = rewritten[i - 1].hash;
      rewritten[i].hash = linkHash(rewritten[i]);
    }
    const anchors = [checkpoint(current, rows[2])];

    const rechained = await verifyBundle(linesOf(bundle({ rows: rewritten, checkpoints: anchors })), pinned);
    const truncated = await verifyBundle(linesOf(bundle({ rows: rows.slice(0, 2), checkpoints: anchors })), pinned);

    expect(rechained.problems).toEqual([expect.stringContaining('decision seq 3: CHECKPOINT_MISMATCH')]);
    expect(truncated.problems).toEqual([expect.stringContaining('decision seq 3: TRUNCATED')]);
  });

  it('should name the row and the digest when a decision was altered', async () => {
    const lines = bundle();
    lines[2] = lines[2].replace('DECLINED', 'APPROVED');

    const { ok, problems } = await verifyBundle(linesOf(lines), pinned);

    expect(ok).toBe(false);
    expect(problems).toEqual([
      expect.stringContaining('decision seq 2: CONTENT_HASH_MISMATCH'),
      'content digest mismatch: lines were added, removed or altered',
    ]);
  });

  it('should refuse a manifest rewritten after signing', async () => {
    const lines = bundle();
    const manifest = JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
    lines[lines.length - 1] = JSON.stringify({ ...manifest, count: 2 });

    expect((await verifyBundle(linesOf(lines), pinned)).problems).toEqual([
      'signature does not verify: the manifest was altered or signed by another key',
      'manifest counts 2 decisions, the bundle holds 3',
    ]);
  });

  it('should report a truncated bundle that has no manifest', async () => {
    const { ok, problems } = await verifyBundle(linesOf(bundle().slice(0, -1)), pinned);

    expect(ok).toBe(false);
    expect(problems).toContain('the last line is not a manifest');
  });
});
