import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DecisionEntity } from '../decisions/decision.entity';
import type { PolicyInput } from './decision-policy.evaluator';
import { BacktestTally, type BacktestResult } from './policy-backtest';
import { diffPolicies, type PolicyChange } from './policy-diff';
import type { PolicyRules } from './policy-rules.schema';
import { PolicyException } from './policy.exception';
import { PolicyVersionEntity } from './policy-version.entity';

const CACHE_MS = 2000;
const BACKTEST_LIMIT = 20000;
const BACKTEST_PAGE = 500;

export interface ActivePolicy {
  version: number;
  rules: PolicyRules;
}

export type PolicyView = PolicyVersionEntity & { diffAgainstActive: PolicyChange[] };

@Injectable()
export class PolicyService {
  /** The read of the active policy, shared by every caller until CACHE_MS after it started. */
  private cache?: { read: Promise<ActivePolicy>; at: number };

  constructor(
    @InjectRepository(PolicyVersionEntity) private readonly versions: Repository<PolicyVersionEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * The policy decisions are made with; cached briefly because every scored event asks. The
   * read itself is shared: a chunk of 200 scored events decided at once used to send 200
   * identical queries each time the cache expired. A failed read is not kept.
   */
  active(): Promise<ActivePolicy> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) {
      return this.cache.read;
    }
    const cache = { read: this.readActive(), at: Date.now() };
    this.cache = cache;
    cache.read.catch(() => {
      if (this.cache === cache) {
        this.cache = undefined;
      }
    });
    return cache.read;
  }

  private async readActive(): Promise<ActivePolicy> {
    const row = await this.versions.findOne({ where: { status: 'ACTIVE' } });
    if (!row) {
      throw PolicyException.noActivePolicy();
    }
    return { version: row.version, rules: row.rules };
  }

  async list(): Promise<PolicyView[]> {
    const [rows, active] = await Promise.all([this.versions.find({ order: { version: 'DESC' } }), this.active()]);
    return rows.map((r) => ({ ...r, diffAgainstActive: diffPolicies(active.rules, r.rules) }));
  }

  async get(id: string): Promise<PolicyView> {
    const [row, active] = await Promise.all([this.find(id), this.active()]);
    return { ...row, diffAgainstActive: diffPolicies(active.rules, row.rules) };
  }

  async createDraft(maker: AuthenticatedUser, rules: PolicyRules, note: string): Promise<PolicyView> {
    const saved = await this.dataSource.transaction(async (em) => {
      const last = await em
        .createQueryBuilder(PolicyVersionEntity, 'p')
        .select('MAX(p.version)', 'max')
        .getRawOne<{ max: number | null }>();
      const row = em.create(PolicyVersionEntity, {
        version: (last?.max ?? 0) + 1,
        status: 'DRAFT',
        rules,
        note,
        createdBy: maker.username,
        createdAt: new Date(),
        activatedBy: null,
        activatedAt: null,
      });
      return em.save(row);
    });
    return this.get(saved.id);
  }

  /** Maker/checker: the activating user must differ from the draft's author. */
  async activate(id: string, checker: AuthenticatedUser): Promise<PolicyView> {
    await this.dataSource.transaction(async (em) => {
      const row = await em.findOne(PolicyVersionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) {
        throw PolicyException.notFound(id);
      }
      if (row.status !== 'DRAFT') {
        throw PolicyException.notDraft(row.version);
      }
      if (row.createdBy === checker.username) {
        throw PolicyException.sameMakerAndChecker();
      }
      await em.update(PolicyVersionEntity, { status: 'ACTIVE' }, { status: 'RETIRED' });
      await em.update(
        PolicyVersionEntity,
        { id },
        { status: 'ACTIVE', activatedBy: checker.username, activatedAt: new Date() },
      );
    });
    this.cache = undefined;
    return this.get(id);
  }

  /** Replays the most recent scored automatic decisions through the version's rules (incomplete ones have no input). */
  async backtest(id: string): Promise<BacktestResult & { version: number }> {
    const row = await this.find(id);
    const tally = new BacktestTally(row.rules);
    let after = Number.MAX_SAFE_INTEGER;
    for (let seen = 0; seen < BACKTEST_LIMIT; seen += BACKTEST_PAGE) {
      const page = await this.dataSource
        .getRepository(DecisionEntity)
        .createQueryBuilder('d')
        .where(`d.automatic = true AND d.seq < :after AND d.content -> 'scored' IS NOT NULL`, { after })
        .orderBy('d.seq', 'DESC')
        .limit(BACKTEST_PAGE)
        .getMany();
      for (const d of page) {
        tally.add(d.content.scored as PolicyInput, d.outcome);
      }
      if (page.length < BACKTEST_PAGE) {
        break;
      }
      after = page[page.length - 1].seq;
    }
    return { version: row.version, ...tally.summary() };
  }

  /** A version's rules as they were (versions are immutable once written), for replays. */
  async byVersion(version: number): Promise<ActivePolicy | undefined> {
    const row = await this.versions.findOne({ where: { version } });
    return row ? { version: row.version, rules: row.rules } : undefined;
  }

  private async find(id: string): Promise<PolicyVersionEntity> {
    const row = await this.versions.findOne({ where: { id } });
    if (!row) {
      throw PolicyException.notFound(id);
    }
    return row;
  }
}
