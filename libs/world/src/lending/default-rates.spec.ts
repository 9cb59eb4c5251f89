import { historyRows } from '../history/history.builder';
import { WorldGeneratorService } from '../world-generator.service';
import { worldOptions } from '../world.options';
import type { Loan } from '../world.types';

const mean = (loans: Loan[], f: (l: Loan) => number): number => loans.reduce((s, l) => s + f(l), 0) / loans.length;

describe('latent default process', () => {
  const generated = new WorldGeneratorService().generate(worldOptions(11, 0.2));
  const { world } = generated;
  const history = world.loans.filter((l) => l.submittedDay < world.nowDay - 366);
  const segment = (test: (c: (typeof world.companies)[number]) => boolean): Loan[] =>
    history.filter((l) => test(world.companies[l.company]));

  it('should keep the overall default rate between 3% and 8% when the history is complete', () => {
    expect(mean(history, (l) => (l.defaulted ? 1 : 0))).toBeGreaterThan(0.03);
    expect(mean(history, (l) => (l.defaulted ? 1 : 0))).toBeLessThan(0.08);
    expect(mean(history, (l) => l.p)).toBeGreaterThan(0.03);
    expect(mean(history, (l) => l.p)).toBeLessThan(0.08);
  });

  it('should rank segments by mean true probability as documented when structures are planted', () => {
    const plain = mean(
      segment((c) => c.ring < 0 && !c.shell && c.circle < 0 && c.pair < 0),
      (l) => l.p,
    );
    expect(plain).toBeGreaterThan(0.025);
    expect(plain).toBeLessThan(0.06);
    expect(
      mean(
        segment((c) => c.shell),
        (l) => l.p,
      ),
    ).toBeGreaterThan(0.3);
    expect(
      mean(
        segment((c) => c.ring >= 0),
        (l) => l.p,
      ),
    ).toBeGreaterThan(0.2);
    expect(
      mean(
        segment((c) => c.circle >= 0),
        (l) => l.p,
      ),
    ).toBeGreaterThan(1.5 * plain);
    expect(
      mean(
        segment((c) => c.concentrated),
        (l) => l.p,
      ),
    ).toBeGreaterThan(plain);
  });

  it('should raise risk in a downturn when the application falls inside it', () => {
    const hospitality = segment((c) => ['I55', 'I56'].includes(world.industries[c.industry].code));
    const from = Date.parse('2020-03-15') / 86_400_000;
    const to = Date.parse('2021-09-30') / 86_400_000;
    const inside = hospitality.filter((l) => l.submittedDay >= from && l.submittedDay <= to);
    const outside = hospitality.filter((l) => l.submittedDay < from || l.submittedDay > to);
    expect(mean(inside, (l) => l.p)).toBeGreaterThan(1.5 * mean(outside, (l) => l.p));
  });

  it("should split history by time and flag only planted circles and healthy groups' cycles when rows are built", () => {
    const rows = [...historyRows(world, generated.graph)];
    const order = ['train', 'validation', 'test'];
    for (let i = 1; i < rows.length; i++) {
      expect(order.indexOf(rows[i].split)).toBeGreaterThanOrEqual(order.indexOf(rows[i - 1].split));
    }
    const circleIds = new Set([
      ...world.truth.guaranteeCircles.flat(),
      ...world.truth.lookAlikes.groupCrossGuarantees.flat(),
    ]);
    const flagged = rows.filter((r) => r.row.input.graph?.inGuaranteeCircle === 1);
    expect(flagged.length).toBeGreaterThan(0);
    flagged.forEach((r) =>
      expect(
        circleIds.has(r.row.input.application.companyId) ||
          world.truth.reciprocalGuarantees.flat().includes(r.row.input.application.companyId),
      ).toBe(true),
    );
  });
});
