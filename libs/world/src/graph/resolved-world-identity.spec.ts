import { WorldGeneratorService } from '../world-generator.service';
import { worldOptions } from '../world.options';
import { ResolvedWorldIdentity } from './resolved-world-identity';
import { TrueWorldIdentity } from './world-identity';

describe(ResolvedWorldIdentity.name, () => {
  const { world } = new WorldGeneratorService().generate(worldOptions(7, 0.05));
  const sut = new ResolvedWorldIdentity(world);
  const truth = new TrueWorldIdentity(world);
  const index = new Map([
    ...world.companies.map((c) => [c.id, c.index] as const),
    ...world.persons.map((p) => [p.id, p.index] as const),
  ]);

  it('should resolve every planted duplicate to its original when matching the small world', () => {
    const unresolved = world.truth.sameEntities.filter(({ kind, ids }) => {
      const [a, b] = ids.map((id) => index.get(id) ?? -1);
      return kind === 'company' ? sut.companyKey(a) !== sut.companyKey(b) : sut.person(a) !== sut.person(b);
    });

    expect(world.truth.sameEntities.length).toBeGreaterThan(0);
    expect(unresolved).toEqual([]);
  });

  it('should link only records the truth calls one party when matching the small world', () => {
    const wrong = sut.links.filter((l) => {
      const [a, b] = [Number(l.aId), Number(l.bId)];
      return l.kind === 'company' ? truth.companyKey(a) !== truth.companyKey(b) : truth.person(a) !== truth.person(b);
    });

    expect(wrong).toEqual([]);
  });
});
