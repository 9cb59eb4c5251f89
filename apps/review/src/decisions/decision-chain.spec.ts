import { canonicalJson } from '@loanmesh/contracts';

import { chainHash, type ChainLink, GENESIS_HASH, type HashVersion, linkHash, verifyLinks } from './decision-chain';

/** A chain of `n` decisions from genesis; rows up to `v1Rows` hashed under the version 1 rule. */
function chain(n: number, v1Rows = 0): ChainLink[] {
  let previousHash = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const seq = i + 1;
    const hashVersion: HashVersion = seq <= v1Rows ? 1 : 2;
    const unhashed = {
      seq,
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      applicationId: `app-${seq}`,
      companyId: `co-${seq}`,
      outcome: seq % 2 === 0 ? 'DECLINED' : 'APPROVED',
      automatic: true,
      decidedBy: 'policy',
      decidedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)),
      content: { applicationId: `app-${seq}`, guarantor: 'Jane Doe' },
      previousHash,
      hashVersion,
    };
    const link = { ...unhashed, hash: linkHash(unhashed) };
    previousHash = link.hash;
    return link;
  });
}

/** Recomputes every hash from `from` on, as an insider with write access would to re-chain. */
function rechain(links: ChainLink[], from: number): ChainLink[] {
  const out = links.map((l) => ({ ...l }));
  for (let i = from; i < out.length; i++) {
    out[i].previousHash = i === 0 ? GENESIS_HASH : out[i - 1].hash;
    out[i].hash = linkHash(out[i]);
  }
  return out;
}

describe('decision chain', () => {
  it('should produce the same canonical JSON when key order differs', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it('should verify when no link was touched, version 1 rows before version 2 rows', () => {
    const links = chain(4, 2);

    expect(links[0].hash).toBe(chainHash(GENESIS_HASH, links[0].content));
    expect(verifyLinks(links)).toMatchObject({ ok: true, checked: 4, lastSeq: 4 });
  });

  it.each([
    ['outcome', { outcome: 'APPROVED' }],
    ['decided_by', { decidedBy: 'officer9' }],
    ['decided_at', { decidedAt: new Date(0) }],
    ['automatic', { automatic: false }],
    ['company_id', { companyId: 'co-x' }],
  ])('should report the row when only its %s changed', (_, change) => {
    const links = chain(3);
    links[1] = { ...links[1], ...change };

    expect(verifyLinks(links)).toMatchObject({ ok: false, brokenAt: { seq: 2, reason: 'CONTENT_HASH_MISMATCH' } });
  });

  it('should report a row whose hash version was lowered', () => {
    const links = rechain(chain(3), 0);
    links[2] = { ...links[2], hashVersion: 1 };

    expect(verifyLinks(rechain(links, 2))).toMatchObject({ ok: false, brokenAt: { reason: 'HASH_VERSION_DOWNGRADE' } });
  });

  it('should report a gap when a row was removed', () => {
    const links = chain(3);
    links.splice(1, 1);

    expect(verifyLinks(links)).toMatchObject({ ok: false, brokenAt: { seq: 3, reason: 'SEQUENCE_GAP' } });
  });

  it('should report a chain that does not start at genesis', () => {
    expect(verifyLinks(chain(3).slice(1))).toMatchObject({ ok: false, brokenAt: { seq: 2, reason: 'NOT_GENESIS' } });
  });

  it('should pass a re-chained rewrite without checkpoints and catch it at the first checkpoint after it', () => {
    const original = chain(6);
    const rewritten = original.map((l) => ({ ...l }));
    rewritten[2].outcome = 'REFERRED';
    const rechained = rechain(rewritten, 2);
    const anchors = [2, 4, 6].map((seq) => ({ seq, hash: original[seq - 1].hash }));

    expect(verifyLinks(rechained)).toMatchObject({ ok: true });
    expect(verifyLinks(rechained, anchors)).toMatchObject({
      ok: false,
      brokenAt: { seq: 4, reason: 'CHECKPOINT_MISMATCH' },
    });
  });

  it('should report truncation when a checkpoint lies beyond the last row', () => {
    const links = chain(6);
    const anchors = [{ seq: 5, hash: links[4].hash }];

    expect(verifyLinks(links, anchors)).toMatchObject({ ok: true, checkpointsMatched: 1 });
    expect(verifyLinks(links.slice(0, 3), anchors)).toMatchObject({
      ok: false,
      lastSeq: 3,
      brokenAt: { seq: 4, reason: 'TRUNCATED' },
    });
  });
});
