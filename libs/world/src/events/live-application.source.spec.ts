import type { CoreBankingEvent } from '@loanmesh/contracts';

import { WorldGeneratorService } from '../world-generator.service';
import { worldOptions } from '../world.options';
import { BacklogEventSource } from './backlog-event.source';
import { liveApplications } from './live-application.source';

const take = (source: Generator<CoreBankingEvent>, n: number): CoreBankingEvent[] =>
  Array.from({ length: n }, () => source.next().value as CoreBankingEvent);

describe(liveApplications.name, () => {
  const { world } = new WorldGeneratorService().generate(worldOptions(7, 0.02));
  const at = () => '2026-01-01T00:00:00.000Z';

  it('should repeat the same ids when the run number is the same', () => {
    const a = take(liveApplications(world, at, undefined, 3), 5);
    const b = take(liveApplications(world, at, undefined, 3), 5);
    expect(a.map((e) => e.eventId)).toEqual(b.map((e) => e.eventId));
  });

  it('should share no event id with the backlog or another world when the run number is the same', () => {
    const live = take(liveApplications(world, at), 20).map((e) => e.eventId);
    const backlog = new Set([...new BacklogEventSource(world).events()].map((e) => e.eventId));
    const other = new WorldGeneratorService().generate(worldOptions(7, 0.03)).world;

    expect(live.filter((id) => backlog.has(id))).toEqual([]);
    expect(take(liveApplications(other, at), 20).filter((e) => live.includes(e.eventId))).toEqual([]);
  });

  it('should give new application and event ids when the run number changes', () => {
    const first = take(liveApplications(world, at), 5);
    const second = take(liveApplications(world, at, undefined, 1764400000), 5);
    const firstIds = new Set(
      first.flatMap((e) => [e.eventId, e.type === 'loan.application-submitted' ? e.payload.applicationId : '']),
    );
    expect(second.some((e) => firstIds.has(e.eventId))).toBe(false);
    expect(
      second.every(
        (e) => e.type === 'loan.application-submitted' && e.payload.applicationId.startsWith('AP-L1764400000-'),
      ),
    ).toBe(true);
  });
});
