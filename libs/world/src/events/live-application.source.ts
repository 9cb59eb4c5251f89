import { CoreBankingEventTypes as T, type CoreBankingEvent, liveApplicationId } from '@loanmesh/contracts';

import { SeededRandom } from '../random/seeded-random';
import type { Purpose, World } from '../world.types';
import { envelope, type EnvelopeContext } from './core-banking-event.factory';
import { WorldEventIds } from './world-event-ids';

const PURPOSES: readonly Purpose[] = ['WORKING_CAPITAL', 'EQUIPMENT', 'EXPANSION', 'REFINANCING', 'TRADE_FINANCE'];
const TERMS = [12, 24, 36, 60] as const;

/**
 * New loan applications after the world clock, from existing (non-duplicate) companies.
 * `at(i)` gives the submission instant of the i-th application: the world clock plus i/rate
 * in file mode, the wall clock when streaming to Kafka.
 */
export function* liveApplications(
  world: World,
  at: (i: number) => string,
  producedAt?: (occurredAt: string) => string,
  run = 0,
): Generator<CoreBankingEvent> {
  // A non-zero run number gives a different, still reproducible stream: new application and
  // event ids, so a second demo run is not swallowed as duplicates by ingestion.
  const rng = new SeededRandom(world.options.seed + run, 11);
  const ids = new WorldEventIds(world.options.seed, world.options.scale);
  const stamp = producedAt ?? ((x: string) => x);
  const borrowers = world.companies.filter((c) => c.duplicateOf < 0 && c.regDay < world.nowDay - 30);
  const directors = new Map<number, number>();
  world.directors.forEach((d) => directors.set(d.company, d.person));
  for (let i = 0; ; i++) {
    const c = rng.pick(borrowers);
    const submittedAt = at(i);
    const applicationId = liveApplicationId(run, i);
    const director = directors.get(c.index);
    const guarantors =
      director !== undefined && rng.chance(0.3) ? [{ kind: 'person' as const, id: world.persons[director].id }] : [];
    const amount = Math.max(5000, Math.round((c.fin.revenue * (0.05 + 0.45 * rng.next())) / 1000) * 1000);
    const ctx: EnvelopeContext = { eventId: ids.live(run, i), producedAt: stamp };
    yield envelope(ctx, T.applicationSubmitted, submittedAt, applicationId, {
      applicationId,
      companyId: c.id,
      amount: Math.min(5_000_000, amount),
      termMonths: rng.pick(TERMS),
      purpose: rng.pick(PURPOSES),
      submittedAt,
      guarantors,
    });
  }
}
