import { normalizeAddress } from '../identity/identity-format';
import { createCompany } from '../generation/company.factory';
import { INDUSTRIES } from '../generation/reference-data';
import type { WorldBuilder } from '../generation/world-builder';

const N82 = INDUSTRIES.findIndex((i) => i.code === 'N82');

/**
 * Shell companies: young (registered from a year before the history starts), tiny capital,
 * no staff, no real revenue, packed `perAddress` to a crowded address run by one formation
 * agent who directs them all.
 */
export function plantShellCompanies(b: WorldBuilder): void {
  const { count, perAddress } = b.options.shellCompanies;
  let planted = 0;
  while (planted < count) {
    const size = Math.min(perAddress, count - planted);
    plantFarm(b, size);
    planted += size;
  }
}

function plantFarm(b: WorldBuilder, size: number): void {
  const r = b.rng;
  const region = r.int(b.regions.length);
  const address = b.newAddress(region);
  const firstDay = b.historyStartDay - 365 + r.int(b.nowDay - b.historyStartDay);
  const agent = b.newPerson(region, firstDay, address);
  const ids: string[] = [];
  for (let i = 0; i < size; i++) {
    const regDay = Math.min(b.nowDay - 60, firstDay + r.int(400));
    const c = createCompany(b, {
      regDay,
      quality: -0.5 + r.normal(),
      region,
      address,
      industry: r.chance(0.6) ? N82 : undefined,
    });
    c.shell = true;
    c.capital = r.between(1, 10) * 1000;
    c.fin = {
      employees: 0,
      revenue: r.between(0, 40) * 1000,
      assets: r.between(1, 20) * 1000,
      liabilities: r.between(0, 15) * 1000,
      netProfit: r.between(-5, 5) * 1000,
      currentRatio: 1,
    };
    c.legalForm = 'LLC';
    b.addDirector(c.index, agent.index, regDay, 'LEGAL_REPRESENTATIVE');
    b.addShareholder(c.index, 'person', agent.index, 1, regDay);
    b.truth.shellCompanies.push(c.id);
    ids.push(c.id);
  }
  const addr = b.addresses[address];
  b.truth.crowdedAddresses.push({ address: normalizeAddress(addr), companies: ids });
}
