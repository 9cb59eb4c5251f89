import { eventDigest } from '@loanmesh/contracts';

import { EventIdConflictException } from './event-id-conflict.exception';

/** What the inbox keys and compares an event by. */
export interface InboxEntry {
  /** The envelope's `source`: ids are only unique per producer. */
  source: string;
  eventId: string;
  /** `eventDigest` of the event as the consumer applies it. */
  digest: string;
}

/**
 * Per entry: `fresh` (first time: apply it), `duplicate` (same source, id and content as
 * one applied before or earlier in the batch: skip it), or the conflict to dead-letter
 * (same source and id, other content). Not fresh is exactly an `ItemOutcome` of the inbound edge.
 */
export type InboxVerdict = 'fresh' | 'duplicate' | EventIdConflictException;

/** The inbox entry of an event; `content` is the event as the consumer keeps it when that differs (e.g. tokenized). */
export function inboxEntryOf(event: { source: string; eventId: string }, content: object = event): InboxEntry {
  return { source: event.source, eventId: event.eventId, digest: eventDigest(content) };
}

export function inboxKey(source: string, eventId: string): string {
  return `${source}\u0000${eventId}`;
}

/** A stored inbox row as the claim reads it back. */
export interface StoredInboxRow {
  source: string;
  event_id: string;
  digest: string | null;
}

/**
 * Digest the inbox held before this claim, per key of `entries` that has a row: null when
 * the row predates digests (a legacy row, source ''), which matches any content.
 */
export function storedDigests(
  entries: readonly InboxEntry[],
  rows: readonly StoredInboxRow[],
): Map<string, string | null> {
  const exact = new Map(rows.filter((r) => r.source !== '').map((r) => [inboxKey(r.source, r.event_id), r.digest]));
  const legacy = new Set(rows.filter((r) => r.source === '').map((r) => r.event_id));
  const stored = new Map<string, string | null>();
  for (const e of entries) {
    const key = inboxKey(e.source, e.eventId);
    const digest = exact.get(key);
    if (digest !== undefined) {
      stored.set(key, digest);
    } else if (legacy.has(e.eventId)) {
      stored.set(key, null);
    }
  }
  return stored;
}

/**
 * Classifies a batch in order. The reference content of a key is what the inbox holds for
 * it once the claim is done: the stored digest, or for a key first recorded by this batch
 * the digest of its first entry. Every other entry of the key is compared with it.
 */
export function classifyClaims(
  consumer: string,
  entries: readonly InboxEntry[],
  inserted: ReadonlySet<string>,
  stored: ReadonlyMap<string, string | null>,
): InboxVerdict[] {
  const reference = new Map<string, string | null>();
  return entries.map((e) => {
    const key = inboxKey(e.source, e.eventId);
    if (!reference.has(key)) {
      if (inserted.has(key)) {
        reference.set(key, e.digest);
        return 'fresh';
      }
      const before = stored.get(key);
      if (before === undefined) {
        throw new Error(`inbox claim for ${consumer}: ${e.source}/${e.eventId} was neither recorded nor found`);
      }
      reference.set(key, before);
    }
    const ref = reference.get(key) ?? null;
    return ref === null || ref === e.digest
      ? 'duplicate'
      : new EventIdConflictException(consumer, e.source, e.eventId, ref, e.digest);
  });
}
