import type { WorldBuilder } from '../generation/world-builder';

/**
 * Supply relationships. Each company sells to about 1.2 customers, each customer taking 5-30%
 * of its revenue; a `share` of companies instead depend on one customer for 62-90%.
 */
export function plantSuppliers(b: WorldBuilder): void {
  const n = b.companies.length;
  const { share } = b.options.supplierConcentration;
  for (const c of b.companies) {
    if (c.duplicateOf >= 0 || c.shell) {
      continue;
    }
    if (c.ring < 0 && b.rng.chance(share)) {
      c.concentrated = true;
      const s = 0.62 + 0.28 * b.rng.next();
      const customer = link(b, c.index, pickCustomer(b, c.index, n), s);
      b.truth.concentratedSuppliers.push({
        supplier: c.id,
        customer: b.company(customer).id,
        share: Math.round(s * 1000) / 1000,
      });
      continue;
    }
    const customers = Math.min(3, Math.floor(-Math.log(1 - b.rng.next()) * 1.2));
    for (let k = 0; k < customers; k++) {
      link(b, c.index, pickCustomer(b, c.index, n), 0.05 + 0.25 * b.rng.next());
    }
  }
}

function pickCustomer(b: WorldBuilder, supplier: number, n: number): number {
  for (;;) {
    const customer = b.rng.int(n);
    const c = b.company(customer);
    if (customer !== supplier && c.duplicateOf < 0 && !c.shell) {
      return customer;
    }
  }
}

function link(b: WorldBuilder, supplier: number, customer: number, share: number): number {
  const s = b.company(supplier);
  const start = Math.max(s.regDay, b.company(customer).regDay);
  const fromDay = Math.min(b.nowDay - 30, start + b.rng.int(720));
  b.suppliers.push({ supplier, customer, volume: Math.round(s.fin.revenue * share), fromDay });
  return customer;
}
