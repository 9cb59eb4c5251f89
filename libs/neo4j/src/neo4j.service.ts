import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Driver, RecordShape } from 'neo4j-driver';

import { NEO4J_DRIVER } from './neo4j.tokens';

export type CypherParams = Record<string, unknown>;

/** The adapter every feature uses to reach Neo4j; Cypher text comes from named constants. */
@Injectable()
export class Neo4jService implements OnModuleDestroy {
  constructor(@Inject(NEO4J_DRIVER) private readonly driver: Driver) {}

  async read<T extends RecordShape>(cypher: string, params: CypherParams = {}, timeoutMs = 5000): Promise<T[]> {
    const session = this.driver.session({ defaultAccessMode: 'READ' });
    try {
      const result = await session.executeRead((tx) => tx.run<T>(cypher, params), { timeout: timeoutMs });
      return result.records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  }

  async write<T extends RecordShape>(cypher: string, params: CypherParams = {}, timeoutMs = 60000): Promise<T[]> {
    const session = this.driver.session({ defaultAccessMode: 'WRITE' });
    try {
      const result = await session.executeWrite((tx) => tx.run<T>(cypher, params), { timeout: timeoutMs });
      return result.records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  }

  /** Auto-commit query: needed for schema changes and CALL { } IN TRANSACTIONS. */
  async run(cypher: string, params: CypherParams = {}): Promise<void> {
    const session = this.driver.session();
    try {
      await session.run(cypher, params);
    } finally {
      await session.close();
    }
  }

  /** One attempt, no retry: readiness must reflect the server's state right now. */
  async ping(): Promise<void> {
    const session = this.driver.session({ defaultAccessMode: 'READ' });
    try {
      await session.run('RETURN 1 AS ok', {}, { timeout: 1000 });
    } finally {
      await session.close();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.driver.close();
  }
}
