import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import type { GraphExplanation, GraphFeatures } from '@loanmesh/contracts';

import { buildExplanations } from './graph-explanation.builder';
import { assembleFeatures } from './graph-feature.assembler';
import type { CompanyProfile, LocalFacts, WalkFacts } from './graph-facts.types';
import { GraphFeaturesRepository } from './graph-features.repository';
import { walkNeighbourhood } from './neighbourhood.walker';

export const FEATURE_VERSION = 'graph-features-v1';

export interface FeatureResult {
  features: GraphFeatures;
  explanations: GraphExplanation[];
  local: LocalFacts;
  walk: WalkFacts;
}

const EMPTY_LOCAL: LocalFacts = {
  selfKeys: [],
  cycles: [],
  reciprocal: [],
  contingentLiability: 0,
  neighbours: [],
  shared: [],
  coLocated: [],
  directorNetwork: [],
  ownershipDepth: 0,
  ownershipCycle: [],
  topCustomer: null,
  topCustomerVolume: 0,
  selfDefaulted: false,
  profile: { registeredAt: null, registeredCapital: null, employees: null, annualRevenue: null },
};

/** The 19 graph features of a company as of a day (graph/features.md), with explanations. */
@Injectable()
export class GraphFeaturesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(GraphFeaturesService.name);

  constructor(private readonly repository: GraphFeaturesRepository) {}

  /** Plans the feature queries once at start-up, so the first application is not slowed by planning. */
  async onApplicationBootstrap(): Promise<void> {
    await this.compute('__warm-up__', new Date().toISOString(), undefined, 30_000).catch((e: unknown) =>
      this.logger.warn({ msg: 'feature warm-up failed', error: String(e) }),
    );
  }

  /**
   * @param asOf application day 'YYYY-MM-DD'; only facts strictly before it count.
   * @param profile the applicant's filing as submitted (point in time); the node's own if omitted.
   */
  async compute(companyId: string, asOf: string, profile?: CompanyProfile, timeoutMs = 1000): Promise<FeatureResult> {
    const day = asOf.slice(0, 10);
    const local = (await this.repository.local(companyId, day, timeoutMs)) ?? { ...EMPTY_LOCAL, selfKeys: [companyId] };
    const walk = await walkNeighbourhood(companyId, local.selfDefaulted, (ids) => this.repository.hop(ids, day, timeoutMs));
    const features = assembleFeatures(local, walk, profile ?? local.profile, day);
    return { features, explanations: buildExplanations(companyId, features, local, walk), local, walk };
  }
}
