import { coreBankingRegistry, parseEvent } from '@loanmesh/contracts';
import { BacklogEventSource, WorldGeneratorService, worldOptions } from '@loanmesh/world';

import type { OutRecord } from '../publishing/event-sink';
import { FaultInjector } from './fault-injector';

describe(FaultInjector.name, () => {
  const { world } = new WorldGeneratorService().generate(worldOptions(9, 0.02));
  const events = [...new BacklogEventSource(world).events()];

  function inject(share: number): { sut: FaultInjector; out: OutRecord[] } {
    const sut = new FaultInjector(share, 9);
    const out: OutRecord[] = [];
    events.forEach((e) => sut.push({ key: e.eventId, value: JSON.stringify(e) }, e.eventId, out));
    sut.flush(out);
    return { sut, out };
  }

  it('should pass every event through unchanged when the share is 0', () => {
    const { out } = inject(0);
    expect(out.map((r) => r.value)).toEqual(events.map((e) => JSON.stringify(e)));
  });

  it('should report exactly the malformed and duplicated records it injected when the share is 0.05', () => {
    const { sut, out } = inject(0.05);
    let invalid = 0;
    const seen = new Map<string, number>();
    for (const r of out) {
      try {
        const e = parseEvent<{ eventId: string }>(r.value, coreBankingRegistry);
        seen.set(e.eventId, (seen.get(e.eventId) ?? 0) + 1);
      } catch {
        invalid++;
      }
    }
    expect(sut.malformedTotal).toBeGreaterThan(0);
    expect(invalid).toBe(sut.malformedTotal);
    expect([...seen.values()].filter((n) => n === 2).length).toBe(sut.report.duplicated);
    expect(seen.size).toBe(events.length);
    expect(out.length).toBe(events.length + sut.malformedTotal + sut.report.duplicated);
  });

  it('should move late events behind every on-time event when flushed', () => {
    const { sut, out } = inject(0.05);
    const late = new Set(sut.report.eventIds.late);
    const positions = out.map((r, i) => (late.has(r.key) ? i : -1)).filter((i) => i >= 0);
    expect(late.size).toBe(sut.report.late);
    expect(Math.min(...positions)).toBeGreaterThanOrEqual(
      out.length - sut.report.late - sut.report.outOfOrder - sut.report.duplicated - sut.malformedTotal,
    );
    const original = new Map(events.map((e, i) => [e.eventId, i]));
    const moved = sut.report.eventIds.outOfOrder.filter((id) => {
      const at = out.findIndex((r) => r.key === id);
      return out.slice(0, at).some((r) => (original.get(r.key) ?? -1) > original.get(id)!);
    });
    expect(moved.length).toBe(sut.report.outOfOrder);
  });
});
