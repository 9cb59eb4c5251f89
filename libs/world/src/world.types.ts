import type { WorldOptions } from './world.options';

export type LegalForm = 'LLC' | 'JSC' | 'SOLE_PROPRIETOR' | 'PARTNERSHIP';
export type Purpose = 'WORKING_CAPITAL' | 'EQUIPMENT' | 'EXPANSION' | 'REFINANCING' | 'TRADE_FINANCE';
export type PartyKind = 'person' | 'company';
export type RecordKind = 'COURT_JUDGMENT' | 'TAX_ARREARS' | 'ADMINISTRATIVE_PENALTY';

export interface Industry {
  readonly code: string;
  readonly name: string;
  readonly riskLogit: number;
  readonly revenuePerEmployee: number;
}

export interface Region {
  readonly name: string;
  readonly riskLogit: number;
  readonly cities: readonly string[];
}

/** Canonical address; the emitted text may be a formatting variant of it. */
export interface CanonicalAddress {
  readonly line1: string;
  readonly city: string;
  readonly postcode: string;
}

export interface Financials {
  employees: number;
  revenue: number;
  assets: number;
  liabilities: number;
  netProfit: number;
  currentRatio: number;
}

export interface Company {
  readonly index: number;
  readonly id: string;
  name: string;
  registrationNumber: string;
  regDay: number;
  /** Day the core-banking system registered the record (later than regDay for duplicates). */
  eventDay: number;
  capital: number;
  legalForm: LegalForm;
  industry: number;
  region: number;
  fin: Financials;
  /** A restated filing (company.updated) effective from `day`. */
  update?: { readonly day: number; readonly fin: Financials };
  address: number;
  phone: number;
  /** Hidden quality: drives financials partly and default risk fully. */
  quality: number;
  groupEffect: number;
  /** Formatting style of the emitted phone and address text (0 = canonical). */
  style: number;
  duplicateOf: number;
  shell: boolean;
  ring: number;
  circle: number;
  pair: number;
  /** Index of the healthy business group whose members cross-guarantee each other in a cycle, or -1. */
  crossGroup: number;
  concentrated: boolean;
}

export interface Person {
  readonly index: number;
  readonly id: string;
  nationalId: string;
  fullName: string;
  birthYear: number;
  address: number;
  phone: number;
  style: number;
  firstDay: number;
  duplicateOf: number;
}

export interface DirectorLink {
  readonly company: number;
  readonly person: number;
  readonly role: 'DIRECTOR' | 'LEGAL_REPRESENTATIVE';
  readonly fromDay: number;
}

export interface ShareholderLink {
  readonly company: number;
  readonly holderKind: PartyKind;
  readonly holder: number;
  readonly share: number;
  readonly fromDay: number;
}

export interface SupplierLink {
  readonly supplier: number;
  readonly customer: number;
  readonly volume: number;
  readonly fromDay: number;
}

export interface Account {
  readonly index: number;
  readonly id: string;
  readonly ownerKind: PartyKind;
  readonly owner: number;
  readonly accountNumber: string;
  readonly openedDay: number;
}

/** Monthly payment flow between two accounts; `months` lists month-start days with traffic. */
export interface PaymentFlow {
  readonly from: number;
  readonly to: number;
  readonly monthlyAmount: number;
  readonly months: readonly number[];
}

export interface Loan {
  readonly index: number;
  readonly id: string;
  readonly applicationId: string;
  readonly company: number;
  readonly submittedDay: number;
  readonly submittedSecond: number;
  readonly disbursedDay: number;
  readonly amount: number;
  readonly termMonths: number;
  readonly purpose: Purpose;
  readonly interestRate: number;
  readonly guarantees: number[];
  /** True 12-month default probability from the latent process. */
  p: number;
  defaulted: boolean;
  /** Installment (1-based) that is never paid; 0 when the loan performs. */
  defaultInstallment: number;
  defaultDay: number;
  /** Installments paid 30 days late (bit i = installment i + 1). */
  lateMask: number;
}

export interface Guarantee {
  readonly index: number;
  readonly id: string;
  readonly loan: number;
  readonly guarantorKind: PartyKind;
  readonly guarantor: number;
  readonly amount: number;
  readonly fromDay: number;
  readonly toDay: number;
}

export interface PublicRecord {
  readonly index: number;
  readonly id: string;
  readonly subjectKind: PartyKind;
  readonly subject: number;
  readonly kind: RecordKind;
  readonly amount: number;
  readonly filedDay: number;
  readonly status: 'ACTIVE' | 'RESOLVED';
}

export interface World {
  readonly options: WorldOptions;
  readonly nowDay: number;
  readonly historyStartDay: number;
  readonly industries: readonly Industry[];
  readonly regions: readonly Region[];
  readonly addresses: CanonicalAddress[];
  /** Canonical phone numbers (11 digits, leading 0). */
  readonly phones: string[];
  readonly companies: Company[];
  readonly persons: Person[];
  readonly directors: DirectorLink[];
  readonly shareholders: ShareholderLink[];
  readonly suppliers: SupplierLink[];
  readonly accounts: Account[];
  readonly flows: PaymentFlow[];
  readonly loans: Loan[];
  readonly guarantees: Guarantee[];
  readonly records: PublicRecord[];
  readonly truth: WorldTruth;
}

export interface WorldTruth {
  readonly seed: number;
  readonly scale: number;
  /** Groups of ids (persons or companies) that are one real-world entity; the first id is the original. */
  readonly sameEntities: { kind: PartyKind; ids: string[] }[];
  /** Guarantee cycles: companies in guarantee order (each guarantees a loan of the next; the last guarantees the first). */
  readonly guaranteeCircles: string[][];
  readonly reciprocalGuarantees: [string, string][];
  readonly fraudRings: { members: string[]; sharedBy: 'phone' | 'address' | 'account'; nomineeDirector: string }[];
  readonly shellCompanies: string[];
  readonly crowdedAddresses: { address: string; companies: string[] }[];
  readonly circularOwnership: string[][];
  readonly concentratedSuppliers: { supplier: string; customer: string; share: number }[];
  /** Harmless structures that look like planted ones to a graph feature (docs/world.md, "Look-alikes"). */
  readonly lookAlikes: LookAlikeTruth;
  readonly downturns: WorldOptions['downturns'];
}

export interface LookAlikeTruth {
  /** Healthy companies sharing one business-centre address (normalized). */
  readonly businessCentres: { address: string; companies: string[] }[];
  /** Healthy companies giving their accountant's office phone (normalized) as their own. */
  readonly accountantOffices: { phone: string; companies: string[] }[];
  /** Healthy business groups whose members guarantee each other in a cycle (guarantee order). */
  readonly groupCrossGuarantees: string[][];
  /** Young, tiny, healthy companies (shell-like figures, no added risk). */
  readonly youngHealthy: string[];
  /** Fraud-ring members whose own filings were drawn as those of a sound company. */
  readonly cleanRingMembers: string[];
}
