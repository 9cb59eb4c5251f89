/** Numbers and dates for people: the chosen locale through Intl, never a hand-made format. */
let locale = 'en';

export function setFormatLocale(next: string): void {
  locale = next;
}

export const money = (n: number): string => Number(n).toLocaleString(locale, { maximumFractionDigits: 0 });
export const pct = (n: number): string =>
  Number(n).toLocaleString(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
export const dateTime = (iso: string, options: Intl.DateTimeFormatOptions): string =>
  new Date(iso).toLocaleString(locale, options);
export const when = (s: string | null | undefined): string => (s ? new Date(s).toLocaleString(locale) : '');

export function errorText(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}
