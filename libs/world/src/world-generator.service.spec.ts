import { WorldGeneratorService } from './world-generator.service';
import { worldOptions } from './world.options';
import { entityCounts, relationshipCounts } from './world-stats';

describe(WorldGeneratorService.name, () => {
  const sut = new WorldGeneratorService();
  const { world, graph } = sut.generate(worldOptions(7, 0.05));

  it('should produce an identical world when the seed is the same', () => {
    const again = sut.generate(worldOptions(7, 0.05)).world;
    expect(JSON.stringify(again)).toBe(JSON.stringify(world));
  });

  it('should produce a different world when the seed differs', () => {
    const other = sut.generate(worldOptions(8, 0.05)).world;
    expect(JSON.stringify(other.companies)).not.toBe(JSON.stringify(world.companies));
  });

  it('should keep entity counts within the documented ranges when scale is 0.05', () => {
    const c = entityCounts(world);
    expect(c.companies).toBeGreaterThanOrEqual(1000);
    expect(c.companies).toBeLessThanOrEqual(1100);
    expect(c.persons / c.companies).toBeGreaterThan(1.0);
    expect(c.persons / c.companies).toBeLessThan(1.5);
    expect(c.loans / c.companies).toBeGreaterThan(0.8);
    expect(c.loans / c.companies).toBeLessThan(1.5);
    expect(c.industries).toBe(20);
    expect(c.regions).toBe(12);
    expect(c.total / c.companies).toBeGreaterThan(8);
  });

  it('should keep relationship counts within the documented ranges when scale is 0.05', () => {
    const r = relationshipCounts(world);
    const n = world.companies.length;
    expect(r.directorOf / n).toBeGreaterThan(1.2);
    expect(r.directorOf / n).toBeLessThan(1.6);
    expect(r.supplies / n).toBeGreaterThan(0.5);
    expect(r.supplies / n).toBeLessThan(1.0);
    expect(r.guarantees / r.borrowed).toBeGreaterThan(0.3);
    expect(r.guarantees / r.borrowed).toBeLessThan(0.7);
  });

  it('should record a default day for every company whose loan defaulted', () => {
    const defaulted = world.loans.filter((l) => l.defaulted);
    expect(defaulted.length).toBeGreaterThan(0);
    defaulted.forEach((l) => expect(graph.firstDefaultDay[l.company]).toBeLessThanOrEqual(l.defaultDay));
  });
});
