import { coreBankingRegistry, parseEvent, type CoreBankingEvent } from '@loanmesh/contracts';

import { WorldGeneratorService } from '../world-generator.service';
import { worldOptions } from '../world.options';
import { BacklogEventSource } from './backlog-event.source';

describe(BacklogEventSource.name, () => {
  const { world } = new WorldGeneratorService().generate(worldOptions(5, 0.03));
  const lines = [...new BacklogEventSource(world).events()].map((e) => JSON.stringify(e));

  it('should emit byte-identical events when the seed is the same', () => {
    const again = [
      ...new BacklogEventSource(new WorldGeneratorService().generate(worldOptions(5, 0.03)).world).events(),
    ].map((e) => JSON.stringify(e));
    expect(again.join('\n')).toBe(lines.join('\n'));
  });

  it('should share no event id with a world of the same seed when the scale differs', () => {
    const smaller = new BacklogEventSource(new WorldGeneratorService().generate(worldOptions(5, 0.02)).world);
    const ids = new Set(lines.map((l) => (JSON.parse(l) as CoreBankingEvent).eventId));

    const shared = [...smaller.events()].filter((e) => ids.has(e.eventId));

    expect(shared).toEqual([]);
  });

  it('should emit only events that validate against the contracts when serialized', () => {
    const events = lines.map((l) => parseEvent<CoreBankingEvent>(l, coreBankingRegistry));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(new Set(events.map((e) => e.type)).size).toBe(15);
  });

  it('should emit parties before links and loans before servicing when ordered causally', () => {
    const seen = new Set<string>();
    for (const line of lines) {
      const e = JSON.parse(line) as CoreBankingEvent;
      const p = e.payload as Record<string, unknown>;
      const registers: Record<string, unknown> = {
        'company.registered': p.companyId,
        'person.registered': p.personId,
        'loan.disbursed': p.loanId,
      };
      if (e.type in registers) {
        seen.add(String(registers[e.type]));
      } else if (e.type === 'director.linked') {
        expect(seen.has(String(p.companyId)) && seen.has(String(p.personId))).toBe(true);
      } else if (['loan.repayment-made', 'loan.payment-missed', 'loan.defaulted'].includes(e.type)) {
        expect(seen.has(String(p.loanId))).toBe(true);
      }
    }
  });
});
