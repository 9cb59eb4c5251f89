import { maskPii, maskString } from '@loanmesh/observability';

import type { DeadLetterListing, ListedDeadLetter, ReplaySummary } from './dead-letter-ops.service';

const PREVIEW_BYTES = 512;

/** Text for `list`: counts by code, then the latest dead letters, one line each. */
export function renderListing(l: DeadLetterListing): string[] {
  const lines = [`${l.service} dead letters on ${l.topic}: ${l.total}`];
  lines.push(...l.byCode.map((c) => `  ${c.code.padEnd(28)} ${c.count}`));
  if (l.items.length > 0) {
    lines.push('', `latest ${l.items.length}:`);
  }
  for (const d of l.items) {
    const original = d.original.topic
      ? `${d.original.topic}:${d.original.partition ?? '?'}:${d.original.offset ?? '?'}`
      : '?';
    const event = d.eventId ? ` event ${d.eventType ?? '?'} ${d.eventId}` : '';
    const replayed = d.replayed ? ` [replayed ${d.replayed.replayedAt}]` : '';
    lines.push(`${d.id}  ${d.time}  ${d.code}  from ${original}${event}${replayed}`, `    ${oneLine(d.reason)}`);
  }
  return lines;
}

/** Text for `show`: every header, the reason, and the original value with personal data masked. */
export function renderDeadLetter(d: ListedDeadLetter): string[] {
  return [
    `dead letter ${d.id}`,
    `time:     ${d.time}`,
    `code:     ${d.code}`,
    `reason:   ${d.reason}`,
    `original: ${d.original.topic ?? '?'} partition ${d.original.partition ?? '?'} offset ${d.original.offset ?? '?'}`,
    `event:    ${d.eventType ?? '?'} ${d.eventId ?? '(no event id)'}`,
    `replayed: ${d.replayed ? `${d.replayed.replayedAt} to ${d.replayed.replayedTo.topic}:${d.replayed.replayedTo.partition}:${d.replayed.replayedTo.offset}` : 'no'}`,
    `key:      ${d.key ? printable(d.key) : '(none)'}`,
    'headers:',
    ...Object.entries(d.headers).map(([k, v]) => `  ${k}: ${printable(v)}`),
    'value:',
    ...renderValue(d.value).map((l) => `  ${l}`),
  ];
}

export function renderReplaySummary(s: ReplaySummary): string[] {
  const verb = s.dryRun ? 'would replay' : 'replayed';
  return [
    ...s.replayed.map((r) => `${verb} ${r.id} -> ${r.to}`),
    ...s.skipped.map((r) => `skipped ${r.id}: ${r.reason}`),
    ...s.failed.map((r) => `failed ${r.id}: ${r.error}`),
    `${verb}: ${s.replayed.length}, skipped: ${s.skipped.length}, failed: ${s.failed.length}`,
  ];
}

/**
 * Pretty JSON with personal fields masked (the logger's masking) when the bytes parse;
 * otherwise an escaped text preview with long digit runs (ids, phones, accounts) masked,
 * or a hex preview when the bytes are not text.
 */
export function renderValue(value: Buffer | null): string[] {
  if (value === null) {
    return ['(null: a tombstone)'];
  }
  const text = value.toString('utf8');
  try {
    return JSON.stringify(maskPii(JSON.parse(text)), null, 2).split('\n');
  } catch {
    // Not JSON: fall through to a preview.
  }
  const head = value.subarray(0, PREVIEW_BYTES);
  const more = value.length > PREVIEW_BYTES ? ` (first ${PREVIEW_BYTES} of ${value.length} bytes)` : '';
  if (isText(head)) {
    return [`not JSON${more}:`, JSON.stringify(maskDigits(head.toString('utf8')))];
  }
  return [`binary${more}, hex:`, ...(head.toString('hex').match(/.{1,64}/g) ?? [])];
}

function printable(b: Buffer): string {
  return isText(b) ? JSON.stringify(b.toString('utf8')) : `0x${b.toString('hex')}`;
}

function isText(b: Buffer): boolean {
  const text = b.toString('utf8');
  // U+FFFD: bytes that are not UTF-8; control characters other than whitespace: binary.
  return !text.includes('\uFFFD') && ![...text].some((ch) => isBinaryControl(ch.charCodeAt(0)));
}

function isBinaryControl(c: number): boolean {
  return c < 0x09 || (c > 0x0d && c < 0x20);
}

function maskDigits(text: string): string {
  return text.replace(/\+?\d[\d -]{5,}\d/g, (m) => maskString(m));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 200);
}
