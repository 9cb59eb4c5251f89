import { graphSignalOverlap } from '../history/graph-signal-overlap';
import { historyRows } from '../history/history.builder';
import { WorldGeneratorService } from '../world-generator.service';
import { worldOptions } from '../world.options';

describe('plantLookAlikes', () => {
  const generated = new WorldGeneratorService().generate(worldOptions(5, 0.2));
  const { world } = generated;
  const byId = new Map(world.companies.map((c) => [c.id, c]));
  const looks = world.truth.lookAlikes;

  it('should plant the configured number of centres, offices and young companies when the pool is large enough', () => {
    const o = world.options.lookAlikes;
    expect(looks.businessCentres).toHaveLength(o.businessCentres.count);
    expect(looks.accountantOffices).toHaveLength(o.accountantOffices.count);
    expect(looks.youngHealthy).toHaveLength(o.youngHealthy.count);
    expect(looks.groupCrossGuarantees.length).toBeGreaterThan(0);
    expect(looks.cleanRingMembers.length).toBeGreaterThan(0);
  });

  it('should give every centre one address and every office one phone when planted', () => {
    for (const centre of looks.businessCentres) {
      expect(new Set(centre.companies.map((id) => byId.get(id)?.address)).size).toBe(1);
    }
    for (const office of looks.accountantOffices) {
      expect(new Set(office.companies.map((id) => byId.get(id)?.phone)).size).toBe(1);
    }
  });

  it('should add no planted risk to look-alike companies when the default process runs', () => {
    const ids = new Set([
      ...looks.businessCentres.flatMap((c) => c.companies),
      ...looks.accountantOffices.flatMap((c) => c.companies),
      ...looks.groupCrossGuarantees.flat(),
      ...looks.youngHealthy,
    ]);
    for (const id of ids) {
      const c = byId.get(id);
      expect(c && !c.shell && c.ring < 0 && c.circle < 0 && c.pair < 0).toBe(true);
    }
  });

  it('should leave no graph signal a perfect flag when measured on the history', () => {
    const overlap = graphSignalOverlap([...historyRows(world, generated.graph)].map((r) => r.row));
    for (const name of ['inGuaranteeCircle = 1', 'sharedIdentifierCompanies > 0', 'shellScore >= 0.6']) {
      const s = overlap.signals.find((x) => x.signal === name);
      expect(s?.goodFired).toBeGreaterThan(0);
      expect(s?.badRateWhenFired).toBeLessThan(0.5);
    }
  });

  it('should generate the same look-alikes when the seed is the same', () => {
    const again = new WorldGeneratorService().generate(worldOptions(5, 0.2)).world.truth.lookAlikes;
    expect(again).toEqual(looks);
  });
});
