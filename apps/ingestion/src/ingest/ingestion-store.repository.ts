import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';

import type { CompanySnapshot, CoreBankingEvent } from '@loanmesh/contracts';

import { INGESTION_SCHEMA } from '../database/ingestion-database';
import { CompanyEntity } from '../store/company.entity';
import { STORE_TABLES, type StoreTable } from '../store/store-tables';
import {
  firstReceiptsSql,
  historyInputsSql,
  insertDuplicatesSql,
  insertHistorySql,
  insertParkedSql,
  insertRawEventsSql,
  markAppliedSql,
  markArrivedAfterExpirySql,
  releaseParkedSql,
  upsertSql,
} from '../store/store.sql';
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

/** An expired parked application whose company has just arrived (too late to release it). */
export interface ArrivedAfterExpiry {
  eventId: string;
  applicationId: string;
  companyId: string;
  expiredAt: Date;
}

type ApplicationEvent = Extract<CoreBankingEvent, { type: 'loan.application-submitted' }>;

const UPSERTS = Object.fromEntries(
  Object.keys(STORE_TABLES).map((t) => [t, upsertSql(INGESTION_SCHEMA, t as StoreTable)]),
) as Record<StoreTable, string>;
const INSERT_RAW = insertRawEventsSql(INGESTION_SCHEMA);
const INSERT_DUPLICATES = insertDuplicatesSql(INGESTION_SCHEMA);
const INSERT_PARKED = insertParkedSql(INGESTION_SCHEMA);
const RELEASE_PARKED = releaseParkedSql(INGESTION_SCHEMA);
const MARK_APPLIED = markAppliedSql(INGESTION_SCHEMA);
const MARK_ARRIVED_AFTER_EXPIRY = markArrivedAfterExpirySql(INGESTION_SCHEMA);
const HISTORY_INPUTS = historyInputsSql(INGESTION_SCHEMA);
const INSERT_HISTORY = insertHistorySql(INGESTION_SCHEMA);
const FIRST_RECEIPTS = firstReceiptsSql(INGESTION_SCHEMA);

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

  /** `parkedAt` comes from the app's clock, the same clock the expiry sweeper measures with. */
  async park(manager: EntityManager, applications: readonly ApplicationEvent[], parkedAt: Date): Promise<void> {
    if (applications.length > 0) {
      const rows = applications.map((a) => ({
        event_id: a.eventId,
        source: a.source,
        company_id: a.payload.companyId,
        event: a,
        parked_at: parkedAt.toISOString(),
      }));
      await manager.query(INSERT_PARKED, [JSON.stringify(rows)]);
    }
  }

  /** Removes and returns the parked applications of these companies, if the companies are stored. */
  async releaseParked(manager: EntityManager, companyIds: readonly string[]): Promise<ApplicationEvent[]> {
    if (companyIds.length === 0) {
      return [];
    }
    // TypeORM answers a DELETE with [rows, affected count].
    const [rows]: [{ event: ApplicationEvent }[], number] = await manager.query(RELEASE_PARKED, [
      [...new Set(companyIds)],
    ]);
    // RETURNING gives no order: apply them in the order they were submitted.
    return rows
      .map((r) => r.event)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.eventId.localeCompare(b.eventId));
  }

  /** Marks and returns the expired applications of these companies whose company is now stored. */
  async markArrivedAfterExpiry(
    manager: EntityManager,
    companyIds: readonly string[],
    at: Date,
  ): Promise<ArrivedAfterExpiry[]> {
    if (companyIds.length === 0) {
      return [];
    }
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [{ event_id: string; company_id: string; application_id: string; expired_at: Date }[], number] =
      await manager.query(MARK_ARRIVED_AFTER_EXPIRY, [[...new Set(companyIds)], at.toISOString()]);
    return rows.map((r) => ({
      eventId: r.event_id,
      applicationId: r.application_id,
      companyId: r.company_id,
      expiredAt: r.expired_at,
    }));
  }

  async markApplied(manager: EntityManager, events: readonly { source: string; eventId: string }[]): Promise<void> {
    if (events.length > 0) {
      await manager.query(MARK_APPLIED, [events.map((e) => e.source), events.map((e) => e.eventId)]);
    }
  }

  /** Records applications stored as history: submitted before the decision window, never announced. */
  async recordHistory(manager: EntityManager, applications: readonly ApplicationEvent[]): Promise<void> {
    if (applications.length > 0) {
      const rows = applications.map((a) => ({
        application_id: a.payload.applicationId,
        event_id: a.eventId,
        submitted_at: a.payload.submittedAt,
      }));
      await manager.query(INSERT_HISTORY, [JSON.stringify(rows)]);
    }
  }

  /** When ingestion first received each application (ms since epoch), by application id. */
  async firstReceipts(manager: EntityManager, applicationIds: readonly string[]): Promise<Map<string, number>> {
    if (applicationIds.length === 0) {
      return new Map();
    }
    const rows: { application_id: string; received_at: Date }[] = await manager.query(FIRST_RECEIPTS, [
      [...new Set(applicationIds)],
    ]);
    return new Map(rows.map((r) => [r.application_id, new Date(r.received_at).getTime()]));
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
    if (ids.length === 0) {
      return new Map();
    }
    const rows: { company_id: string; loans: LoanFacts[]; facts: LoanFact[]; records: string[] }[] =
      await manager.query(HISTORY_INPUTS, [ids]);
    return new Map(rows.map((r) => [r.company_id, { loans: r.loans, facts: r.facts, recordFiledAt: r.records }]));
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
