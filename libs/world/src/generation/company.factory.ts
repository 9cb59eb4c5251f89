import type { Company, Financials, LegalForm } from '../world.types';
import { NAME_TRADES, NAME_WORDS } from './reference-data';
import { WorldBuilder } from './world-builder';

export interface CompanySeed {
  readonly regDay: number;
  readonly quality: number;
  readonly industry?: number;
  readonly region?: number;
  readonly address?: number;
  readonly phone?: number;
}

const LEGAL_FORMS: readonly LegalForm[] = [
  'LLC',
  'LLC',
  'LLC',
  'LLC',
  'SOLE_PROPRIETOR',
  'SOLE_PROPRIETOR',
  'PARTNERSHIP',
  'JSC',
];

/**
 * Financials follow the hidden quality only partly (weights below ~0.5 of the noise), so the
 * tabular view sees a blurred picture of the risk the latent process uses.
 */
export function financialsFor(b: WorldBuilder, quality: number, industry: number, employeesMedian: number): Financials {
  const r = b.rng;
  const employees = Math.max(0, Math.round(r.logNormal(employeesMedian * Math.exp(0.25 * quality), 0.9)));
  const perEmployee = b.industries[industry]?.revenuePerEmployee ?? 100_000;
  const revenue = Math.round(Math.max(20_000, (employees + 0.5) * r.logNormal(perEmployee, 0.35)));
  const assets = Math.round(revenue * r.logNormal(0.8, 0.4));
  const leverage = 1 / (1 + Math.exp(-(0.2 - 0.45 * quality + 0.7 * r.normal())));
  const margin = 0.04 + 0.025 * quality + 0.05 * r.normal();
  return {
    employees,
    revenue,
    assets,
    liabilities: Math.round(assets * leverage * 1.1),
    netProfit: Math.round(revenue * margin),
    currentRatio: Math.round(Math.max(0.1, Math.exp(0.25 + 0.15 * quality + 0.35 * r.normal())) * 100) / 100,
  };
}

export function createCompany(b: WorldBuilder, seed: CompanySeed): Company {
  const r = b.rng;
  const index = b.companies.length;
  const industry = seed.industry ?? r.int(b.industries.length);
  const region = seed.region ?? r.int(b.regions.length);
  const company: Company = {
    index,
    id: `CO-${WorldBuilder.ids.pad(index + 1)}`,
    name: `${r.pick(NAME_WORDS)} ${r.pick(NAME_TRADES)} Ltd`,
    registrationNumber: `${String(10_000_000 + index * 37 + r.int(37)).slice(-8)}`,
    regDay: seed.regDay,
    eventDay: seed.regDay,
    capital: Math.round(r.logNormal(50_000, 1.1) / 1000) * 1000 + 1000,
    legalForm: r.pick(LEGAL_FORMS),
    industry,
    region,
    fin: financialsFor(b, seed.quality, industry, 8),
    address: seed.address ?? b.newAddress(region),
    phone: seed.phone ?? b.newPhone(),
    quality: seed.quality,
    groupEffect: 0,
    style: r.chance(0.7) ? 0 : r.between(1, 3),
    duplicateOf: -1,
    shell: false,
    ring: -1,
    circle: -1,
    pair: -1,
    crossGroup: -1,
    concentrated: false,
  };
  b.companies.push(company);
  return company;
}

/** Registration age in years: log-normal around 7 years, capped at 35. */
export function ordinaryRegDay(b: WorldBuilder): number {
  const years = Math.min(35, b.rng.logNormal(7, 0.8));
  return b.nowDay - Math.max(30, Math.round(years * 365.25));
}
