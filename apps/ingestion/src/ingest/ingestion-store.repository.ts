import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';

import type { CompanySnapshot } from '@loanmesh/contracts';

import { INGESTION_SCHEMA } from '../database/ingestion-database';
import { CompanyEntity } from '../store/company.entity';
import { LoanEventEntity } from '../store/loan-event.entity';
import { LoanEntity } from '../store/loan.entity';
import { PublicRecordEntity } from '../store/public-record.entity';
import { STORE_TABLES, type StoreTable } from '../store/store-tables';
import { insertDuplicatesSql, insertRawEventsSql, upsertSql } from '../store/store.sql';
import type { LoanFact, LoanFacts } from './credit-history.calculator';

/** A company's state as the application snapshot needs it, with the version it came from. */
export interface VersionedSnapshot {
  version: number;
  snapshot: CompanySnapshot;
}

export interface HistoryInputs {
  loans: LoanFacts[];
  facts: LoanFact[];
  recordFiledAt: string[];
}

const UPSERTS = Object.fromEntries(
  Object.keys(STORE_TABLES).map((t) => [t, upsertSql(INGESTION_SCHEMA, t as StoreTable)]),
) as Record<StoreTable, string>;
const INSERT_RAW = insertRawEventsSql(INGESTION_SCHEMA);
const INSERT_DUPLICATES = insertDuplicatesSql(INGESTION_SCHEMA);

/** Every read and write of the ingestion store, always inside the caller's transaction. */
@Injectable()
export class IngestionStoreRepository {
  /** Writes rows by the table's ordering rule; resolves to the event ids that changed state. */
  async upsert(manager: EntityManager, table: StoreTable, rows: readonly object[]): Promise<string[]> {
    if (rows.length === 0) {
      return [];
    }
    const applied: { event_id: string }[] = await manager.query(UPSERTS[table], [JSON.stringify(rows)]);
    return applied.map((r) => r.event_id);
  }

  async insertRawEvents(manager: EntityManager, rows: readonly object[]): Promise<void> {
    if (rows.length > 0) {
      await manager.query(INSERT_RAW, [JSON.stringify(rows)]);
    }
  }

  async insertDuplicates(manager: EntityManager, rows: readonly object[]): Promise<void> {
    if (rows.length > 0) {
      await manager.query(INSERT_DUPLICATES, [JSON.stringify(rows)]);
    }
  }

  async companySnapshots(manager: EntityManager, ids: readonly string[]): Promise<Map<string, VersionedSnapshot>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await manager.find(CompanyEntity, { where: { companyId: In([...new Set(ids)]) } });
    return new Map(rows.map((c) => [c.companyId, { version: c.version, snapshot: snapshotOf(c) }]));
  }

  /** Loans, loan facts and company public records of the companies, grouped by company. */
  async historyInputs(manager: EntityManager, companyIds: readonly string[]): Promise<Map<string, HistoryInputs>> {
    const ids = [...new Set(companyIds)];
    const out = new Map<string, HistoryInputs>(ids.map((id) => [id, { loans: [], facts: [], recordFiledAt: [] }]));
    if (ids.length === 0) {
      return out;
    }
    // One transaction is one connection: the three reads run one after the other.
    const loans = await manager.find(LoanEntity, { where: { companyId: In(ids) } });
    const facts = await manager.find(LoanEventEntity, { where: { companyId: In(ids) } });
    const records = await manager.find(PublicRecordEntity, { where: { subjectKind: 'company', subjectId: In(ids) } });
    loans.forEach((l) =>
      out.get(l.companyId)?.loans.push({ loanId: l.loanId, amount: Number(l.amount), termMonths: l.termMonths, disbursedAt: l.disbursedAt }),
    );
    facts.forEach((f) => out.get(f.companyId)?.facts.push({ loanId: f.loanId, kind: f.kind, eventDate: f.eventDate }));
    records.forEach((r) => out.get(r.subjectId)?.recordFiledAt.push(r.filedAt));
    return out;
  }
}

function snapshotOf(c: CompanyEntity): CompanySnapshot {
  return {
    companyId: c.companyId,
    registeredAt: c.registeredAt,
    registeredCapital: Number(c.registeredCapital),
    legalForm: c.legalForm as CompanySnapshot['legalForm'],
    industryCode: c.industryCode,
    region: c.region,
    employees: c.employees,
    annualRevenue: Number(c.annualRevenue),
    financials: c.financials,
  };
}
