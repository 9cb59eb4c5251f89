import { createHash } from 'node:crypto';

import { type AuditCheckpointPayload, canonicalJson } from '@loanmesh/contracts';

import { type ChainAnchor, type ChainLink, ChainVerifier, GENESIS_HASH } from '../decisions/decision-chain';
import { checkCheckpoint, checkSignature, type PinnedKeys } from './audit-keys';

/**
 * The signed audit bundle: NDJSON with a header line, the ledger's signed checkpoints (as
 * read from the audit topic), one line per decision in ledger order from genesis, and a
 * manifest line last. The manifest carries the sha256 of every byte before it, the
 * decisions' count and chain ends, and an Ed25519 signature (by key id) over its own
 * canonical JSON, so a regulator can check offline, against keys pinned beforehand, that
 * nothing was added, removed, altered, re-chained or cut off.
 */
export const BUNDLE_VERSION = 2;

export interface BundleHeader {
  kind: 'header';
  bundleVersion: number;
  exportedAt: string;
  exportedBy: string;
  role: string;
  /** Personal data masked for the exporting role: decision hashes then cannot be recomputed. */
  masked: boolean;
}

export interface BundleManifest {
  kind: 'manifest';
  bundleVersion: number;
  count: number;
  checkpoints: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** The chain hash before the first exported decision (the genesis hash for a full export). */
  firstPreviousHash: string | null;
  lastHash: string | null;
  contentSha256: string;
  algorithm: 'Ed25519';
  keyId: string;
}

export interface SignedManifest extends BundleManifest {
  signature: string;
}

export interface BundleDecision {
  seq: number;
  previousHash: string;
  hash: string;
  content: unknown;
}

export type BundleCheckpoint = AuditCheckpointPayload & { kind: 'checkpoint' };

/** Builds a bundle line by line: what to write, and the running digest and chain ends for the manifest. */
export class BundleBuilder {
  private readonly digest = createHash('sha256');
  private count = 0;
  private checkpoints = 0;
  private firstSeq: number | null = null;
  private lastSeq: number | null = null;
  private firstPreviousHash: string | null = null;
  private lastHash: string | null = null;

  line(value: unknown): string {
    const text = `${JSON.stringify(value)}\n`;
    this.digest.update(text);
    return text;
  }

  checkpoint(c: AuditCheckpointPayload): string {
    this.checkpoints += 1;
    return this.line({ kind: 'checkpoint', ...c });
  }

  decision(row: BundleDecision, shown: unknown): string {
    this.firstSeq ??= row.seq;
    this.firstPreviousHash ??= row.previousHash;
    this.lastSeq = row.seq;
    this.lastHash = row.hash;
    this.count += 1;
    return this.line({ kind: 'decision', ...(shown as Record<string, unknown>) });
  }

  manifest(keyId: string, sign: (payload: string) => string): string {
    const manifest: BundleManifest = {
      kind: 'manifest',
      bundleVersion: BUNDLE_VERSION,
      count: this.count,
      checkpoints: this.checkpoints,
      firstSeq: this.firstSeq,
      lastSeq: this.lastSeq,
      firstPreviousHash: this.firstPreviousHash,
      lastHash: this.lastHash,
      contentSha256: this.digest.digest('hex'),
      algorithm: 'Ed25519',
      keyId,
    };
    const signed: SignedManifest = { ...manifest, signature: sign(canonicalJson(manifest)) };
    return `${JSON.stringify(signed)}\n`;
  }
}

export interface BundleVerification {
  ok: boolean;
  decisions: number;
  checkpoints: number;
  masked: boolean | null;
  lastHash: string | null;
  problems: string[];
}

/**
 * Checks a bundle read line by line (each line without its newline) against a pinned key
 * set: the digest, the manifest's signature and count, every checkpoint's signature, the
 * chain from genesis without a gap, every checkpoint against the decision at its sequence,
 * truncation, and, when the bundle is unmasked, every decision's hash.
 */
export async function verifyBundle(lines: AsyncIterable<string>, keys: PinnedKeys): Promise<BundleVerification> {
  const state = new BundleChecker(keys);
  let previous: string | undefined;
  for await (const line of lines) {
    if (previous !== undefined) {
      state.content(previous);
    }
    previous = line;
  }
  return state.finish(previous);
}

class BundleChecker {
  private readonly digest = createHash('sha256');
  private readonly problems: string[] = [];
  private readonly anchors: ChainAnchor[] = [];
  private header: BundleHeader | undefined;
  private chain: ChainVerifier | undefined;
  private decisions = 0;
  private checkpoints = 0;
  private firstPreviousHash: string | null = null;
  private lastHash: string | null = null;

  constructor(private readonly keys: PinnedKeys) {}

  content(line: string): void {
    this.digest.update(`${line}\n`);
    const value = parseLine(line);
    if (value?.kind === 'header' && this.header === undefined && this.decisions === 0) {
      this.header = value as unknown as BundleHeader;
    } else if (value?.kind === 'checkpoint' && this.chain === undefined) {
      this.checkpoint(value as unknown as BundleCheckpoint);
    } else if (value?.kind === 'decision') {
      this.decision(value as unknown as BundleDecision & Partial<ChainLink>);
    } else {
      this.problem(
        `unexpected line ${this.decisions + this.checkpoints + 2}: not a ${this.chain ? 'decision' : 'checkpoint or decision'}`,
      );
    }
  }

  finish(last: string | undefined): BundleVerification {
    const manifest = last === undefined ? undefined : (parseLine(last) as SignedManifest | undefined);
    const chain = (this.chain ??= this.newChain()).finish();
    if (!chain.ok && chain.brokenAt) {
      this.problem(`decision seq ${chain.brokenAt.seq}: ${chain.brokenAt.reason}: ${chain.brokenAt.detail}`);
    }
    if (manifest?.kind !== 'manifest') {
      this.problem('the last line is not a manifest');
    } else {
      this.checkManifest(manifest);
    }
    if (this.header === undefined) {
      this.problem('no header line');
    }
    return {
      ok: this.problems.length === 0,
      decisions: this.decisions,
      checkpoints: this.checkpoints,
      masked: this.header?.masked ?? null,
      lastHash: this.lastHash,
      problems: this.problems,
    };
  }

  private checkpoint(c: BundleCheckpoint): void {
    const { kind: _kind, ...payload } = c;
    const check = checkCheckpoint(this.keys, payload);
    this.checkpoints += 1;
    if (check === 'VALID') {
      this.anchors.push({ seq: c.seq, hash: c.hash });
    } else {
      this.problem(
        `checkpoint seq ${c.seq}: ${check === 'UNKNOWN_KEY' ? `key ${c.keyId} is not pinned` : 'signature does not verify'}`,
      );
    }
  }

  private decision(d: BundleDecision & Partial<ChainLink>): void {
    this.chain ??= this.newChain();
    // Bundles of version 1 carried no hash version: their rows were all version 1.
    const link = { ...d, hashVersion: d.hashVersion ?? 1 } as ChainLink;
    this.chain.feed([link]);
    this.firstPreviousHash ??= d.previousHash;
    this.lastHash = d.hash;
    this.decisions += 1;
  }

  private newChain(): ChainVerifier {
    return new ChainVerifier(this.anchors, { recomputeHashes: this.header?.masked === false });
  }

  private checkManifest(m: SignedManifest): void {
    const { signature, ...signed } = m;
    if (this.digest.digest('hex') !== m.contentSha256) {
      this.problem('content digest mismatch: lines were added, removed or altered');
    }
    const check = checkSignature(this.keys, m.keyId, canonicalJson(signed), String(signature));
    if (check === 'UNKNOWN_KEY') {
      this.problem(`signed with key ${m.keyId}, which is not in the pinned key set`);
    } else if (check === 'BAD_SIGNATURE') {
      this.problem('signature does not verify: the manifest was altered or signed by another key');
    }
    if (m.count !== this.decisions) {
      this.problem(`manifest counts ${m.count} decisions, the bundle holds ${this.decisions}`);
    }
    if ((m.checkpoints ?? 0) !== this.checkpoints) {
      this.problem(`manifest counts ${m.checkpoints} checkpoints, the bundle holds ${this.checkpoints}`);
    }
    if (m.lastHash !== this.lastHash || m.firstPreviousHash !== this.firstPreviousHash) {
      this.problem('manifest chain ends do not match the decisions');
    }
    if (m.count > 0 && (m.firstSeq !== 1 || m.firstPreviousHash !== GENESIS_HASH)) {
      this.problem('the bundle does not start at genesis (sequence 1, the genesis hash)');
    }
  }

  private problem(text: string): void {
    if (this.problems.length < 20) {
      this.problems.push(text);
    }
  }
}

function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
