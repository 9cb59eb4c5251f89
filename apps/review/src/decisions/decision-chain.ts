import { createHash } from 'node:crypto';

import { canonicalJson } from '@loanmesh/contracts';

/** The hash before the first decision. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How a row's hash is computed. 1: `sha256(previous hash, content)` (rows written before
 * every column was covered; they keep verifying under that rule). 2: every stored column
 * but the hash itself. Versions never go down along the chain.
 */
export type HashVersion = 1 | 2;
export const CURRENT_HASH_VERSION: HashVersion = 2;

/** Version 1: sha256(previous hash + canonical content); kept for the rows written under it. */
export function chainHash(previousHash: string, content: unknown): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** Every stored column of a decision row; the hash covers all of them but itself. */
export interface ChainLink {
  seq: number;
  id: string;
  applicationId: string;
  companyId: string;
  outcome: string;
  automatic: boolean;
  decidedBy: string;
  /** A Date from the database, an ISO string in a bundle: both serialise the same. */
  decidedAt: Date | string;
  content: unknown;
  previousHash: string;
  hashVersion: HashVersion;
  hash: string;
}

/** The hash a row must carry under its own version's rule. */
export function linkHash(link: Omit<ChainLink, 'hash'>): string {
  if (link.hashVersion === 1) {
    return chainHash(link.previousHash, link.content);
  }
  const record = {
    seq: link.seq,
    id: link.id,
    applicationId: link.applicationId,
    companyId: link.companyId,
    outcome: link.outcome,
    automatic: link.automatic,
    decidedBy: link.decidedBy,
    decidedAt: new Date(link.decidedAt).toISOString(),
    content: link.content,
    previousHash: link.previousHash,
    hashVersion: link.hashVersion,
  };
  return createHash('sha256').update('loanmesh.decision.v2\n').update(canonicalJson(record)).digest('hex');
}

/** A signed statement, published outside the database, that the chain had `hash` at `seq`. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

export type ChainBreak =
  | 'NOT_GENESIS'
  | 'SEQUENCE_GAP'
  | 'PREVIOUS_HASH_MISMATCH'
  | 'CONTENT_HASH_MISMATCH'
  | 'HASH_VERSION_DOWNGRADE'
  | 'CHECKPOINT_MISMATCH'
  | 'TRUNCATED';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  lastSeq: number;
  lastHash: string;
  /** Checkpoints compared with a row (the rest, if any, lie beyond the last row). */
  checkpointsMatched: number;
  brokenAt?: { seq: number; reason: ChainBreak; detail: string };
}

const DETAIL: Record<ChainBreak, string> = {
  NOT_GENESIS: 'the chain does not start at sequence 1 with the genesis hash',
  SEQUENCE_GAP: 'a sequence number is missing before this row',
  PREVIOUS_HASH_MISMATCH: 'the previous hash does not match the row before it',
  CONTENT_HASH_MISMATCH: 'a stored field does not match the row hash',
  HASH_VERSION_DOWNGRADE: 'the hash version is lower than the row before it',
  CHECKPOINT_MISMATCH:
    'a signed checkpoint holds another hash at this sequence: the chain was rewritten and re-chained',
  TRUNCATED: 'a signed checkpoint lies beyond the last row: rows were removed from the tail',
};

export interface ChainVerifierOptions {
  /** Where the walk starts: genesis (sequence 0, the genesis hash) unless a trusted checkpoint. */
  from?: ChainAnchor;
  /** False for a masked bundle, whose rows cannot be rehashed: links, order and checkpoints only. */
  recomputeHashes?: boolean;
}

/**
 * Walks the ledger in order, page by page, and compares it with the signed checkpoints:
 * genesis, contiguity, every link and hash, every checkpoint, truncation. Stops at the
 * first break.
 */
export class ChainVerifier {
  private state: ChainVerification;
  private lastVersion: HashVersion = 1;
  private readonly anchors = new Map<number, string[]>();
  private readonly fromGenesis: boolean;
  private readonly recomputeHashes: boolean;

  constructor(anchors: readonly ChainAnchor[] = [], options: ChainVerifierOptions = {}) {
    const from = options.from ?? { seq: 0, hash: GENESIS_HASH };
    this.fromGenesis = from.seq === 0;
    this.recomputeHashes = options.recomputeHashes ?? true;
    this.state = { ok: true, checked: 0, lastSeq: from.seq, lastHash: from.hash, checkpointsMatched: 0 };
    for (const a of anchors) {
      this.anchors.set(a.seq, [...(this.anchors.get(a.seq) ?? []), a.hash]);
    }
  }

  get ok(): boolean {
    return this.state.ok;
  }

  /** Checks the next rows in ledger order; false once the chain is broken. */
  feed(links: readonly ChainLink[]): boolean {
    for (const link of links) {
      if (!this.state.ok) {
        return false;
      }
      const reason = this.check(link);
      if (reason) {
        this.break(link.seq, reason);
        return false;
      }
      this.state.checked += 1;
      this.state.lastSeq = link.seq;
      this.state.lastHash = link.hash;
      this.lastVersion = link.hashVersion;
    }
    return this.state.ok;
  }

  finish(): ChainVerification {
    if (this.state.ok) {
      const beyond = [...this.anchors.keys()].filter((seq) => seq > this.state.lastSeq).sort((a, b) => a - b);
      if (beyond.length > 0) {
        const last = beyond[beyond.length - 1];
        this.break(this.state.lastSeq + 1, 'TRUNCATED', `${DETAIL.TRUNCATED} (checkpoint at sequence ${last})`);
      }
    }
    return { ...this.state };
  }

  private check(link: ChainLink): ChainBreak | undefined {
    if (this.fromGenesis && this.state.checked === 0 && (link.seq !== 1 || link.previousHash !== GENESIS_HASH)) {
      return 'NOT_GENESIS';
    }
    if (link.seq !== this.state.lastSeq + 1) {
      return 'SEQUENCE_GAP';
    }
    if (link.previousHash !== this.state.lastHash) {
      return 'PREVIOUS_HASH_MISMATCH';
    }
    if (link.hashVersion < this.lastVersion) {
      return 'HASH_VERSION_DOWNGRADE';
    }
    if (this.recomputeHashes && linkHash(link) !== link.hash) {
      return 'CONTENT_HASH_MISMATCH';
    }
    const anchored = this.anchors.get(link.seq);
    if (anchored) {
      if (anchored.some((h) => h !== link.hash)) {
        return 'CHECKPOINT_MISMATCH';
      }
      this.state.checkpointsMatched += anchored.length;
    }
    return undefined;
  }

  private break(seq: number, reason: ChainBreak, detail = DETAIL[reason]): void {
    this.state = { ...this.state, ok: false, brokenAt: { seq, reason, detail } };
  }
}

/** Verifies a whole chain held in memory (tests, small bundles). */
export function verifyLinks(links: readonly ChainLink[], anchors: readonly ChainAnchor[] = []): ChainVerification {
  const verifier = new ChainVerifier(anchors);
  verifier.feed(links);
  return verifier.finish();
}
