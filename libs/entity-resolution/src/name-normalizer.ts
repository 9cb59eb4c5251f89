const LEGAL_SUFFIXES: Readonly<Record<string, string>> = { limited: 'ltd', incorporated: 'inc', company: 'co' };

/** Lower case, punctuation dropped, whitespace collapsed, legal suffixes folded ("Limited" = "Ltd"). */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => LEGAL_SUFFIXES[w] ?? w)
    .join(' ');
}

/** Registration numbers differ only by spacing and case between systems. */
export function normalizeRegistrationNumber(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
