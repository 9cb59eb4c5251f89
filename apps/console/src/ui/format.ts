/** Numbers and dates for people: the user's locale through Intl, never a hand-made format. */
export const money = (n: number): string => Number(n).toLocaleString(undefined, { maximumFractionDigits: 0 });
export const pct = (n: number): string => `${(Number(n) * 100).toFixed(1)}%`;
export const when = (s: string | null | undefined): string => (s ? new Date(s).toLocaleString() : '');

export function errorText(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}
