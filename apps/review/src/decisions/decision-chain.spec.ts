import { canonicalJson, chainHash, GENESIS_HASH, verifyLinks, type ChainLink } from './decision-chain';

function chain(contents: unknown[]): ChainLink[] {
  let prev = GENESIS_HASH;
  return contents.map((content, i) => {
    const hash = chainHash(prev, content);
    const link = { seq: i + 1, previousHash: prev, hash, content };
    prev = hash;
    return link;
  });
}

describe('decision chain', () => {
  it('should produce the same canonical JSON when key order differs', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it('should verify when no link was touched', () => {
    expect(verifyLinks(chain([{ a: 1 }, { a: 2 }, { a: 3 }]), GENESIS_HASH)).toMatchObject({ ok: true, checked: 3 });
  });

  it('should report the tampered row when its content changed', () => {
    const links = chain([{ a: 1 }, { a: 2 }, { a: 3 }]);
    links[1].content = { a: 20 };
    expect(verifyLinks(links, GENESIS_HASH)).toMatchObject({
      ok: false,
      brokenAt: { seq: 2, reason: 'CONTENT_HASH_MISMATCH' },
    });
  });

  it('should report a gap when a row was removed', () => {
    const links = chain([{ a: 1 }, { a: 2 }, { a: 3 }]);
    links.splice(1, 1);
    expect(verifyLinks(links, GENESIS_HASH)).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, reason: 'PREVIOUS_HASH_MISMATCH' },
    });
  });
});
