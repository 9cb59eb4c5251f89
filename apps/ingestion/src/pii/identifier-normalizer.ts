import type { Address } from '@loanmesh/contracts';

/** Street types folded to one spelling, so "Main Street" and "MAIN ST." get one key. */
const STREET_TYPES: Readonly<Record<string, string>> = {
  STREET: 'ST',
  ROAD: 'RD',
  AVENUE: 'AVE',
  LANE: 'LN',
  DRIVE: 'DR',
};

/** Digits only, a +44 / 0044 country prefix folded to the national leading 0. */
export function normalizePhone(text: string): string {
  const digits = text.replace(/\D/g, '').replace(/^00/, '');
  return digits.startsWith('44') && digits.length === 12 ? `0${digits.slice(2)}` : digits;
}

/** Upper-case letters and digits only: separators typed by clerks carry no identity. */
export function normalizeIdentifier(text: string): string {
  return text.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** The contract's address key: upper-cased, punctuation stripped, whitespace collapsed. */
export function addressKey(address: Address): string {
  const words = (s: string): string[] =>
    s
      .toUpperCase()
      .replace(/[^0-9A-Z\s]/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 0);
  const line1 = words(address.line1)
    .map((w) => STREET_TYPES[w] ?? w)
    .join(' ');
  return `${line1}|${words(address.city).join(' ')}|${words(address.postcode).join('')}`;
}
