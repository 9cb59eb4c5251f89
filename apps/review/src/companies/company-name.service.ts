import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

import { CoreBankingEventTypes as T, type DomainEvent } from '@loanmesh/contracts';
import type { InboundItem, ItemOutcome } from '@loanmesh/kafka';

import { CompanyNameEntity } from './company-name.entity';

/** The domain event types that name a company; the consumer passes them here. */
export const COMPANY_NAME_TYPES: ReadonlySet<string> = new Set([T.companyRegistered, T.companyUpdated]);

/**
 * Keeps the latest name of each company. An upsert keyed by the company id and guarded by its
 * version, so a redelivered or late, older event changes nothing (idempotent without an inbox).
 */
@Injectable()
export class CompanyNameService {
  constructor(private readonly dataSource: DataSource) {}

  async applyBatch(items: InboundItem<DomainEvent>[]): Promise<ItemOutcome[]> {
    const latest = new Map<string, CompanyNameEntity>();
    for (const { event } of items) {
      if (event.type === T.companyRegistered || event.type === T.companyUpdated) {
        const { companyId, name, version } = event.payload;
        const seen = latest.get(companyId);
        if (!seen || seen.version < version) {
          latest.set(companyId, { companyId, name, version });
        }
      }
    }
    if (latest.size > 0) {
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(CompanyNameEntity)
        .values([...latest.values()])
        .orUpdate(['name', 'version'], ['company_id'], {
          overwriteCondition: { where: 'company_names.version < EXCLUDED.version' },
        })
        .execute();
    }
    return items.map(({ event }) => (COMPANY_NAME_TYPES.has(event.type) ? 'processed' : 'skipped'));
  }

  /** The names of the given companies (a company core banking never named is absent). */
  async namesOf(companyIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(companyIds)];
    const rows =
      ids.length === 0
        ? []
        : await this.dataSource.getRepository(CompanyNameEntity).find({ where: { companyId: In(ids) } });
    return new Map(rows.map((r) => [r.companyId, r.name]));
  }
}
