import { z } from 'zod';

import { applicationSubmittedPayload, companyPayload } from '../core-banking/core-banking.schemas';
import { int4, money } from '../envelope/safe-primitives';
import { graphFeaturesSchema } from '../graph/graph-features.schema';

/** Company attributes a model may use (no personal data). */
export const companySnapshotSchema = companyPayload.pick({
  companyId: true,
  registeredAt: true,
  registeredCapital: true,
  legalForm: true,
  industryCode: true,
  region: true,
  employees: true,
  annualRevenue: true,
  financials: true,
});
export type CompanySnapshot = z.infer<typeof companySnapshotSchema>;

/** The borrower's own credit history with the bank as of the application. */
export const creditHistorySchema = z.object({
  priorLoans: int4(),
  priorDefaults: int4(),
  missedPayments12m: int4(),
  outstandingExposure: money,
  activePublicRecords: int4(),
});
export type CreditHistory = z.infer<typeof creditHistorySchema>;

export const applicationTermsSchema = applicationSubmittedPayload.pick({
  applicationId: true,
  companyId: true,
  amount: true,
  termMonths: true,
  purpose: true,
  submittedAt: true,
});
export type ApplicationTerms = z.infer<typeof applicationTermsSchema>;

/** Everything the feature vector is built from; one definition for training and serving. */
export const featureInputSchema = z.object({
  application: applicationTermsSchema,
  company: companySnapshotSchema,
  history: creditHistorySchema,
  graph: graphFeaturesSchema.nullable(),
});
export type FeatureInput = z.infer<typeof featureInputSchema>;
