import { normalizeAddress, normalizePhone, formatPhone, formatAddress } from '../identity/identity-format';
import { WorldGeneratorService } from '../world-generator.service';
import { worldOptions } from '../world.options';
import type { World } from '../world.types';

/** Independent walk: every elementary directed cycle in the company guarantee graph, canonically rotated. */
function guaranteeCycles(world: World): Set<string> {
  const out = new Map<number, Set<number>>();
  for (const g of world.guarantees) {
    if (g.guarantorKind === 'company') {
      const set = out.get(g.guarantor) ?? new Set<number>();
      set.add(world.loans[g.loan].company);
      out.set(g.guarantor, set);
    }
  }
  const cycles = new Set<string>();
  for (const start of out.keys()) {
    const path = [start];
    const walk = (node: number): void => {
      for (const next of out.get(node) ?? []) {
        if (next === start) {
          cycles.add(canonical(path.map((i) => world.companies[i].id)));
        } else if (next > start && !path.includes(next) && path.length < 10) {
          path.push(next);
          walk(next);
          path.pop();
        }
      }
    };
    walk(start);
  }
  return cycles;
}

function canonical(ids: string[]): string {
  const min = ids.indexOf([...ids].sort()[0]);
  return [...ids.slice(min), ...ids.slice(0, min)].join('>');
}

describe('planted structures', () => {
  const { world } = new WorldGeneratorService().generate(worldOptions(3, 0.1));
  const byId = new Map(world.companies.map((c) => [c.id, c]));

  it("should find exactly the planted guarantee cycles and the healthy groups' cycles when walking the guarantee graph", () => {
    const planted = new Set(
      [
        ...world.truth.guaranteeCircles,
        ...world.truth.reciprocalGuarantees,
        ...world.truth.lookAlikes.groupCrossGuarantees,
      ].map((ids) => canonical([...ids])),
    );
    expect(world.truth.lookAlikes.groupCrossGuarantees.length).toBeGreaterThan(0);
    expect(planted.size).toBe(
      world.options.guaranteeCircles.count +
        world.options.reciprocalGuarantees.count +
        world.truth.lookAlikes.groupCrossGuarantees.length,
    );
    expect(guaranteeCycles(world)).toEqual(planted);
  });

  it('should give every fraud ring one shared identifier and one nominee director when planted', () => {
    expect(world.truth.fraudRings).toHaveLength(world.options.fraudRings.count);
    for (const ring of world.truth.fraudRings) {
      const members = ring.members.map((id) => byId.get(id)!);
      const keys = members.map((c) =>
        ring.sharedBy === 'phone'
          ? String(c.phone)
          : ring.sharedBy === 'address'
            ? String(c.address)
            : world.accounts.find((a) => a.ownerKind === 'company' && a.owner === c.index)!.accountNumber,
      );
      expect(new Set(keys).size).toBe(1);
      const nominee = world.persons.find((p) => p.id === ring.nomineeDirector)!;
      members.forEach((c) =>
        expect(world.directors.some((d) => d.company === c.index && d.person === nominee.index)).toBe(true),
      );
    }
  });

  it('should make shell companies young, tiny and crowded when planted', () => {
    expect(world.truth.shellCompanies).toHaveLength(world.options.shellCompanies.count);
    for (const id of world.truth.shellCompanies) {
      const c = byId.get(id)!;
      expect(c.capital).toBeLessThanOrEqual(10_000);
      expect(c.fin.employees).toBe(0);
      expect(c.regDay).toBeGreaterThanOrEqual(world.historyStartDay - 365);
    }
    world.truth.crowdedAddresses.forEach((a) => expect(a.companies.length).toBeGreaterThanOrEqual(2));
  });

  it('should give concentrated suppliers one customer above 60% of revenue when planted', () => {
    expect(world.truth.concentratedSuppliers.length).toBeGreaterThan(0.05 * world.companies.length);
    for (const s of world.truth.concentratedSuppliers) {
      const supplier = byId.get(s.supplier)!;
      const link = world.suppliers.find(
        (l) => l.supplier === supplier.index && l.customer === byId.get(s.customer)!.index,
      )!;
      expect(link.volume / supplier.fin.revenue).toBeGreaterThan(0.6);
    }
  });

  it('should record near-duplicates that normalize to the same phone and address when planted', () => {
    const persons = world.truth.sameEntities.filter((g) => g.kind === 'person');
    expect(persons.length).toBeGreaterThan(0);
    for (const group of persons) {
      const [a, b] = group.ids.map((id) => world.persons.find((p) => p.id === id)!);
      expect(normalizePhone(formatPhone(world.phones[a.phone], a.style))).toBe(
        normalizePhone(formatPhone(world.phones[b.phone], b.style)),
      );
      expect(normalizeAddress(formatAddress(world.addresses[a.address], a.style))).toBe(
        normalizeAddress(formatAddress(world.addresses[b.address], b.style)),
      );
      expect(a.nationalId).not.toBe(b.nationalId);
    }
    expect(world.truth.sameEntities.some((g) => g.kind === 'company')).toBe(true);
  });

  it('should plant circular ownership as three-company share cycles when planted', () => {
    for (const ids of world.truth.circularOwnership) {
      const idx = ids.map((id) => byId.get(id)!.index);
      idx.forEach((holder, k) =>
        expect(
          world.shareholders.some(
            (s) => s.holderKind === 'company' && s.holder === holder && s.company === idx[(k + 1) % 3],
          ),
        ).toBe(true),
      );
    }
  });
});
