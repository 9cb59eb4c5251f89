import { z } from 'zod';

import { graphExplanationSchema, graphFeaturesSchema } from './graph-features.schema';

const asOf = z.string().describe('the application day (YYYY-MM-DD) the graph is read as of');

/** `GET /applications/:id/features`: the graph features of an application as of its day, with why. */
export const applicationFeaturesViewSchema = z.object({
  applicationId: z.string(),
  companyId: z.string(),
  asOf,
  featureVersion: z.string(),
  features: graphFeaturesSchema,
  explanations: z.array(graphExplanationSchema),
});

const egoNodeSchema = z.object({
  id: z.string(),
  label: z.string().describe('Company, Person, Phone, Address, Account or Loan'),
  name: z.string(),
  defaulted: z.boolean(),
  risky: z.boolean().optional().describe('on a path that drove a risk feature'),
});

const egoEdgeSchema = z.object({
  type: z.string(),
  from: z.string(),
  to: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  risky: z.boolean().optional(),
});

/**
 * `GET /applications/:id/ego-graph` of graph (and review's `/graph/applications/:id/ego-graph`,
 * names masked per role): the company's 2-hop neighbourhood as of the application day.
 */
export const egoGraphViewSchema = z.object({
  center: z.string().describe('the applicant company id'),
  asOf,
  nodes: z.array(egoNodeSchema),
  edges: z.array(egoEdgeSchema),
});
