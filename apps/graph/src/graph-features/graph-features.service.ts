import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import type { GraphExplanation, GraphFeatures } from '@loanmesh/contracts';
import {
  assembleFeatures,
  walkNeighbourhood,
  type CompanyProfile,
  type HopFetcher,
  type LocalFacts,
  type WalkFacts,
} from '@loanmesh/features';

import { buildExplanations } from './graph-explanation.builder';
import { GraphMemoryService } from '../graph-memory/graph-memory.service';
import { GraphFeaturesRepository } from './graph-features.repository';

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

  constructor(
    private readonly repository: GraphFeaturesRepository,
    private readonly memory: GraphMemoryService,
  ) {}

  /** Plans the feature queries once at start-up, so a cache miss is not slowed by planning. */
  async onApplicationBootstrap(): Promise<void> {
    await this.computeWithCypher('__warm-up__', new Date().toISOString(), undefined, 30_000).catch((e: unknown) =>
      this.logger.warn({ msg: 'feature warm-up failed', error: String(e) }),
    );
  }

  /**
   * From the in-memory graph when it is loaded (no Neo4j round trip), else from Cypher.
   * @param asOf application day 'YYYY-MM-DD'; only facts strictly before it count.
   * @param profile the applicant's filing as submitted (point in time); the node's own if omitted.
   */
  compute(companyId: string, asOf: string, profile?: CompanyProfile, timeoutMs = 1000): Promise<FeatureResult> {
    return this.memory.ready
      ? this.computeInMemory(companyId, asOf, profile)
      : this.computeWithCypher(companyId, asOf, profile, timeoutMs);
  }

  async computeInMemory(companyId: string, asOf: string, profile?: CompanyProfile): Promise<FeatureResult> {
    const day = asOf.slice(0, 10);
    const local = this.memory.localFacts(companyId, day);
    return this.finish(companyId, day, local, profile, (ids) => Promise.resolve(this.memory.hop(ids, day)));
  }

  async computeWithCypher(
    companyId: string,
    asOf: string,
    profile?: CompanyProfile,
    timeoutMs = 1000,
  ): Promise<FeatureResult> {
    const day = asOf.slice(0, 10);
    const local = await this.repository.local(companyId, day, timeoutMs);
    return this.finish(companyId, day, local, profile, (ids) => this.repository.hop(ids, day, timeoutMs));
  }

  private async finish(
    companyId: string,
    day: string,
    found: LocalFacts | undefined,
    profile: CompanyProfile | undefined,
    fetch: HopFetcher,
  ): Promise<FeatureResult> {
    const local = found ?? { ...EMPTY_LOCAL, selfKeys: [companyId] };
    const walk = await walkNeighbourhood(companyId, local.selfDefaulted, fetch);
    const features = assembleFeatures(local, walk, profile ?? local.profile, day);
    return { features, explanations: buildExplanations(companyId, features, local, walk), local, walk };
  }
}
