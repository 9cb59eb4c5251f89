import { createCompany } from '../generation/company.factory';
import type { WorldBuilder } from '../generation/world-builder';

/**
 * Young, tiny companies that do well: shell-like figures (small capital, almost no staff, low
 * revenue), some at a business centre, but good hidden quality and healthy margins.
 */
export function plantYoungHealthy(b: WorldBuilder): void {
  const { count, centreShare } = b.options.lookAlikes.youngHealthy;
  const centres = b.truth.lookAlikes.businessCentres;
  const byId = new Map(b.companies.map((c) => [c.id, c]));
  for (let i = 0; i < count; i++) {
    const r = b.rng;
    const regDay = b.historyStartDay - 300 + r.int(b.nowDay - b.historyStartDay - 100);
    const centre = centres.length > 0 && r.chance(centreShare) ? byId.get(r.pick(centres).companies[0]) : undefined;
    const c = createCompany(b, {
      regDay,
      quality: 1 + 0.5 * r.normal(),
      region: centre?.region,
      address: centre?.address,
    });
    c.capital = r.between(1, 10) * 1000;
    const revenue = r.between(20, 60) * 1000;
    const assets = r.between(8, 40) * 1000;
    c.fin = {
      employees: r.between(0, 2),
      revenue,
      assets,
      liabilities: Math.round(assets * (0.2 + 0.3 * r.next())),
      netProfit: Math.round(revenue * (0.06 + 0.12 * r.next())),
      currentRatio: Math.round((1.3 + 1.2 * r.next()) * 100) / 100,
    };
    const founder = b.newPerson(c.region, regDay);
    b.addDirector(c.index, founder.index, regDay, 'LEGAL_REPRESENTATIVE');
    b.addShareholder(c.index, 'person', founder.index, 1, regDay);
    b.truth.lookAlikes.youngHealthy.push(c.id);
  }
}
