/** World time is counted in whole days since 1970-01-01 (UTC) so it fits in typed arrays. */
export const DAY_MS = 86_400_000;

/** Sentinel for "never" (no default, no end date). */
export const NEVER = 2_000_000;

export function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isoMonth(day: number): string {
  return isoDay(day).slice(0, 7);
}

/** ISO timestamp for a day plus seconds into that day. */
export function isoInstant(day: number, secondOfDay = 0): string {
  return new Date(day * DAY_MS + secondOfDay * 1000).toISOString();
}

/** Calendar month arithmetic; the day of month is clamped to 28 to keep schedules regular. */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, Math.min(d.getUTCDate(), 28));
  return Math.floor(target / DAY_MS);
}

export function yearsBetween(fromDay: number, toDay: number): number {
  return (toDay - fromDay) / 365.25;
}
