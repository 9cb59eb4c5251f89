import { createHash } from 'node:crypto';

/** The hash before the first decision. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256(previous hash + canonical content): changing or removing any row breaks every later link. */
export function chainHash(previousHash: string, content: unknown): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export interface ChainLink {
  seq: number;
  previousHash: string;
  hash: string;
  content: unknown;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  lastHash: string;
  brokenAt?: { seq: number; reason: 'PREVIOUS_HASH_MISMATCH' | 'CONTENT_HASH_MISMATCH' };
}

/** Walks links in order from `previousHash`; stops at the first broken one. */
export function verifyLinks(links: ChainLink[], previousHash: string): ChainVerification {
  let prev = previousHash;
  let checked = 0;
  for (const link of links) {
    if (link.previousHash !== prev) {
      return { ok: false, checked, lastHash: prev, brokenAt: { seq: link.seq, reason: 'PREVIOUS_HASH_MISMATCH' } };
    }
    if (chainHash(prev, link.content) !== link.hash) {
      return { ok: false, checked, lastHash: prev, brokenAt: { seq: link.seq, reason: 'CONTENT_HASH_MISMATCH' } };
    }
    prev = link.hash;
    checked += 1;
  }
  return { ok: true, checked, lastHash: prev };
}
