import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';

import { canonicalJson, chainHash } from '../decisions/decision-chain';

/**
 * The signed audit bundle: NDJSON with a header line, one line per decision in ledger
 * order, and a manifest line last. The manifest carries the sha256 of every byte before
 * it, the decisions' count and chain ends, and an Ed25519 signature over its own canonical
 * JSON, so a regulator can check offline that nothing was added, removed or altered.
 */
export const BUNDLE_VERSION = 1;

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

/** Builds a bundle line by line: what to write, and the running digest and chain ends for the manifest. */
export class BundleBuilder {
  private readonly digest = createHash('sha256');
  private count = 0;
  private firstSeq: number | null = null;
  private lastSeq: number | null = null;
  private firstPreviousHash: string | null = null;
  private lastHash: string | null = null;

  line(value: unknown): string {
    const text = `${JSON.stringify(value)}\n`;
    this.digest.update(text);
    return text;
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

/** A short, stable name for a public key: the first 16 hex of the sha256 of its DER encoding. */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export interface BundleVerification {
  ok: boolean;
  decisions: number;
  masked: boolean | null;
  lastHash: string | null;
  problems: string[];
}

/**
 * Checks a bundle read line by line (each line without its newline): the digest, the
 * signature against `publicKeyPem`, the count, the chain's continuity and, when the bundle
 * is unmasked, every decision's hash.
 */
export async function verifyBundle(lines: AsyncIterable<string>, publicKeyPem: string): Promise<BundleVerification> {
  const state = new BundleChecker();
  let previous: string | undefined;
  for await (const line of lines) {
    if (previous !== undefined) {
      state.content(previous);
    }
    previous = line;
  }
  return state.finish(previous, publicKeyPem);
}

class BundleChecker {
  private readonly digest = createHash('sha256');
  private readonly problems: string[] = [];
  private header: BundleHeader | undefined;
  private decisions = 0;
  private firstPreviousHash: string | null = null;
  private lastHash: string | null = null;

  content(line: string): void {
    this.digest.update(`${line}\n`);
    const value = parseLine(line);
    if (value?.kind === 'header' && this.header === undefined && this.decisions === 0) {
      this.header = value as unknown as BundleHeader;
      return;
    }
    if (value?.kind !== 'decision') {
      this.problem(`unexpected line ${this.decisions + 2}: not a decision`);
      return;
    }
    this.decision(value as unknown as BundleDecision);
  }

  finish(last: string | undefined, publicKeyPem: string): BundleVerification {
    const manifest = last === undefined ? undefined : (parseLine(last) as SignedManifest | undefined);
    if (manifest?.kind !== 'manifest') {
      this.problem('the last line is not a manifest');
    } else {
      this.checkManifest(manifest, publicKeyPem);
    }
    if (this.header === undefined) {
      this.problem('no header line');
    }
    return {
      ok: this.problems.length === 0,
      decisions: this.decisions,
      masked: this.header?.masked ?? null,
      lastHash: this.lastHash,
      problems: this.problems,
    };
  }

  private decision(d: BundleDecision): void {
    if (this.lastHash !== null && d.previousHash !== this.lastHash) {
      this.problem(`decision seq ${d.seq}: previous hash does not match the decision before it`);
    }
    if (this.header && !this.header.masked && chainHash(d.previousHash, d.content) !== d.hash) {
      this.problem(`decision seq ${d.seq}: content does not match its hash`);
    }
    this.firstPreviousHash ??= d.previousHash;
    this.lastHash = d.hash;
    this.decisions += 1;
  }

  private checkManifest(m: SignedManifest, publicKeyPem: string): void {
    const { signature, ...signed } = m;
    if (this.digest.digest('hex') !== m.contentSha256) {
      this.problem('content digest mismatch: lines were added, removed or altered');
    }
    if (m.keyId !== keyIdOf(publicKeyPem)) {
      this.problem(`signed with key ${m.keyId}, not with the key given (${keyIdOf(publicKeyPem)})`);
    }
    const valid = verifySignature(
      null,
      Buffer.from(canonicalJson(signed)),
      publicKeyPem,
      Buffer.from(signature, 'base64'),
    );
    if (!valid) {
      this.problem('signature does not verify: the manifest was altered or signed by another key');
    }
    if (m.count !== this.decisions) {
      this.problem(`manifest counts ${m.count} decisions, the bundle holds ${this.decisions}`);
    }
    if (m.lastHash !== this.lastHash || m.firstPreviousHash !== this.firstPreviousHash) {
      this.problem('manifest chain ends do not match the decisions');
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
