import { addMonths } from '../calendar/world-calendar';
import type { PartyKind } from '../world.types';
import type { WorldBuilder } from './world-builder';

/**
 * Bank accounts (every company one, a fifth a second; a quarter of persons one). Members of
 * a ring that shares an account all open an account with the ring's account number. Monthly
 * payment flows run from customer to supplier over the last 12 months.
 */
export function generateAccounts(b: WorldBuilder): void {
  const ringNumbers = new Map<number, string>();
  const mainAccount = new Int32Array(b.companies.length).fill(-1);
  for (const c of b.companies) {
    if (c.duplicateOf >= 0) {
      continue;
    }
    const ring = c.ring >= 0 ? b.truth.fraudRings[c.ring] : undefined;
    let number: string | undefined;
    if (ring?.sharedBy === 'account') {
      number = ringNumbers.get(c.ring) ?? accountNumber(b);
      ringNumbers.set(c.ring, number);
    }
    mainAccount[c.index] = open(b, 'company', c.index, c.regDay, number);
    if (b.rng.chance(0.2)) {
      open(b, 'company', c.index, c.regDay + b.rng.int(1000));
    }
  }
  for (const p of b.persons) {
    if (p.duplicateOf < 0 && b.rng.chance(0.25)) {
      open(b, 'person', p.index, p.firstDay);
    }
  }
  generateFlows(b, mainAccount);
}

function accountNumber(b: WorldBuilder): string {
  return `${b.rng.between(10, 99)}${b.rng.between(1000, 9999)}${String(b.accounts.length * 97 + b.rng.int(97)).padStart(8, '0')}`;
}

function open(b: WorldBuilder, ownerKind: PartyKind, owner: number, day: number, number?: string): number {
  const index = b.accounts.length;
  b.accounts.push({
    index,
    id: `AC-${String(index + 1).padStart(6, '0')}`,
    ownerKind,
    owner,
    accountNumber: number ?? accountNumber(b),
    openedDay: Math.min(day, b.nowDay - 1),
  });
  return index;
}

function generateFlows(b: WorldBuilder, mainAccount: Int32Array): void {
  const firstMonth = addMonths(b.nowDay, -12);
  for (const s of b.suppliers) {
    const from = mainAccount[s.customer] ?? -1;
    const to = mainAccount[s.supplier] ?? -1;
    if (from < 0 || to < 0) {
      continue;
    }
    const months: number[] = [];
    for (let m = 0; m < 12; m++) {
      const day = addMonths(firstMonth, m);
      if (day > s.fromDay && b.rng.chance(0.6)) {
        months.push(day);
      }
    }
    if (months.length > 0) {
      b.flows.push({ from, to, monthlyAmount: Math.max(100, Math.round(s.volume / 12)), months });
    }
  }
}
