import { Injectable } from '@nestjs/common';

import { Neo4jService } from '@loanmesh/neo4j';

import { LOAD_COMPANIES, LOAD_COMPANY_PAGE, LOAD_PERSON_PAGE, LOAD_PERSONS } from './graph-memory.cypher';
import type { CompanyRecord, PersonRecord } from './graph-memory.types';

const LOAD_TIMEOUT_MS = 60_000;

/** Reads the records the in-memory graph mirrors, by id (after a write) or page by page (start-up). */
@Injectable()
export class GraphMemoryRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  companies(ids: readonly string[]): Promise<CompanyRecord[]> {
    return this.neo4j.read<CompanyRecord & Record<string, unknown>>(LOAD_COMPANIES, { ids }, LOAD_TIMEOUT_MS);
  }

  persons(ids: readonly string[]): Promise<PersonRecord[]> {
    return this.neo4j.read<PersonRecord & Record<string, unknown>>(LOAD_PERSONS, { ids }, LOAD_TIMEOUT_MS);
  }

  companyPage(after: string, limit: number): Promise<CompanyRecord[]> {
    return this.neo4j.read<CompanyRecord & Record<string, unknown>>(
      LOAD_COMPANY_PAGE,
      { after, limit },
      LOAD_TIMEOUT_MS,
    );
  }

  personPage(after: string, limit: number): Promise<PersonRecord[]> {
    return this.neo4j.read<PersonRecord & Record<string, unknown>>(LOAD_PERSON_PAGE, { after, limit }, LOAD_TIMEOUT_MS);
  }
}
