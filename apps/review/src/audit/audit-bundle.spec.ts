import { generateKeyPairSync, sign } from 'node:crypto';

import { chainHash, GENESIS_HASH } from '../decisions/decision-chain';
import { BundleBuilder, keyIdOf, verifyBundle } from './audit-bundle';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const otherPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** A three-decision chain from the genesis hash. */
function chain(): { seq: number; previousHash: string; hash: string; content: Record<string, unknown> }[] {
  let previousHash = GENESIS_HASH;
  return [1, 2, 3].map((seq) => {
    const content = {
      applicationId: `app-${seq}`,
      outcome: seq === 2 ? 'DECLINED' : 'APPROVED',
      guarantor: 'Jane Doe',
    };
    const hash = chainHash(previousHash, content);
    const row = { seq, previousHash, hash, content };
    previousHash = hash;
    return row;
  });
}

function bundle(mask: boolean): string[] {
  const b = new BundleBuilder();
  const lines = [
    b.line({
      kind: 'header',
      bundleVersion: 1,
      exportedAt: 'now',
      exportedBy: 'auditor1',
      role: 'auditor',
      masked: mask,
    }),
  ];
  for (const row of chain()) {
    lines.push(b.decision(row, mask ? { ...row, content: { ...row.content, guarantor: 'J*** D**' } } : row));
  }
  lines.push(b.manifest(keyIdOf(publicPem), (text) => sign(null, Buffer.from(text), privateKey).toString('base64')));
  return lines.join('').trimEnd().split('\n');
}

async function* linesOf(lines: string[]): AsyncGenerator<string> {
  for (const line of lines) {
    yield await Promise.resolve(line);
  }
}

describe('audit bundle', () => {
  it('should verify an untouched bundle, recomputing every hash when unmasked', async () => {
    const result = await verifyBundle(linesOf(bundle(false)), publicPem);

    expect(result).toEqual({ ok: true, decisions: 3, masked: false, lastHash: chain()[2].hash, problems: [] });
  });

  it('should verify a masked bundle by its chain continuity and signature', async () => {
    const result = await verifyBundle(linesOf(bundle(true)), publicPem);

    expect(result).toMatchObject({ ok: true, decisions: 3, masked: true });
  });

  it('should name the hash and the digest when a decision was altered', async () => {
    const lines = bundle(false);
    lines[2] = lines[2].replace('DECLINED', 'APPROVED');

    const { ok, problems } = await verifyBundle(linesOf(lines), publicPem);

    expect(ok).toBe(false);
    expect(problems).toEqual([
      'decision seq 2: content does not match its hash',
      'content digest mismatch: lines were added, removed or altered',
    ]);
  });

  it('should catch a removed decision through the chain, the digest and the count', async () => {
    const lines = bundle(true).filter((_, i) => i !== 2);

    const { problems } = await verifyBundle(linesOf(lines), publicPem);

    expect(problems).toEqual([
      'decision seq 3: previous hash does not match the decision before it',
      'content digest mismatch: lines were added, removed or altered',
      'manifest counts 3 decisions, the bundle holds 2',
    ]);
  });

  it('should refuse a manifest checked against another key or rewritten after signing', async () => {
    const wrongKey = await verifyBundle(linesOf(bundle(false)), otherPem);
    const lines = bundle(false);
    const manifest = JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
    lines[lines.length - 1] = JSON.stringify({ ...manifest, count: 2 });
    const rewritten = await verifyBundle(linesOf(lines), publicPem);

    expect(wrongKey.problems).toEqual([
      expect.stringContaining('not with the key given'),
      'signature does not verify: the manifest was altered or signed by another key',
    ]);
    expect(rewritten.problems).toEqual([
      'signature does not verify: the manifest was altered or signed by another key',
      'manifest counts 2 decisions, the bundle holds 3',
    ]);
  });

  it('should report a truncated bundle that has no manifest', async () => {
    const lines = bundle(false).slice(0, -1);

    const { ok, problems } = await verifyBundle(linesOf(lines), publicPem);

    expect(ok).toBe(false);
    expect(problems).toContain('the last line is not a manifest');
  });
});
