import { createCompany } from '../generation/company.factory';
import type { WorldBuilder } from '../generation/world-builder';

type SharedBy = 'phone' | 'address' | 'account';
const KINDS: readonly SharedBy[] = ['phone', 'address', 'account'];

/**
 * Fraud rings: `minSize`..`maxSize` companies that look unrelated (different names, decent
 * filings) but share one phone, address or bank account number and one nominee director.
 * Accounts are attached later by the account generator, which reads `sharedBy`.
 */
export function plantFraudRings(b: WorldBuilder): void {
  const { count, minSize, maxSize } = b.options.fraudRings;
  for (let ring = 0; ring < count; ring++) {
    plantRing(b, ring, b.rng.between(minSize, maxSize), KINDS[ring % KINDS.length]);
  }
}

function plantRing(b: WorldBuilder, ring: number, size: number, sharedBy: SharedBy): void {
  const r = b.rng;
  const region = r.int(b.regions.length);
  const start = b.historyStartDay - 200 + r.int(b.nowDay - b.historyStartDay - 300);
  const nominee = b.newPerson(region, start);
  const sharedAddress = b.newAddress(region);
  const sharedPhone = b.newPhone();
  const members: string[] = [];
  for (let i = 0; i < size; i++) {
    const regDay = start + r.int(180);
    const c = createCompany(b, {
      regDay,
      quality: 0.3 * r.normal(),
      region: sharedBy === 'address' ? region : r.int(b.regions.length),
      address: sharedBy === 'address' ? sharedAddress : undefined,
      phone: sharedBy === 'phone' ? sharedPhone : undefined,
    });
    c.ring = ring;
    c.style = i % 4;
    b.addDirector(c.index, nominee.index, regDay, 'LEGAL_REPRESENTATIVE');
    b.addShareholder(c.index, 'person', nominee.index, 1, regDay);
    members.push(c.id);
  }
  b.truth.fraudRings.push({ members, sharedBy, nomineeDirector: nominee.id });
}
