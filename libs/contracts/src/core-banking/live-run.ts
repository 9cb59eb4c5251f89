/**
 * Application ids of the feed's live stream (`apps/feed --live-run <n>`): run 0 numbers its
 * applications `AP-L00000001`, `AP-L00000002`...; run n > 0 `AP-L<n>-00000001`... The
 * application id is the one marker every stage carries end to end (raw event, parked row,
 * dead letter, scored event, decision), so a run is recognized by it.
 */
export function liveApplicationId(run: number, index: number): string {
  const serial = String(index + 1).padStart(8, '0');
  return run === 0 ? `AP-L${serial}` : `AP-L${run}-${serial}`;
}

/** The SQL `LIKE` / `NOT LIKE` pair that selects exactly one run's application ids. */
export interface LiveRunIdPatterns {
  like: string;
  /** Matches no id at all (`''`) unless the prefix is shared with other runs. */
  notLike: string;
}

export function liveRunIdPatterns(run: number): LiveRunIdPatterns {
  // Run 0's prefix `AP-L` is every run's prefix: its own ids are the ones without a second dash.
  return run === 0 ? { like: 'AP-L%', notLike: 'AP-L%-%' } : { like: `AP-L${run}-%`, notLike: '' };
}

export function isLiveRunApplicationId(run: number, applicationId: string): boolean {
  return run === 0 ? /^AP-L\d+$/.test(applicationId) : applicationId.startsWith(`AP-L${run}-`);
}
