import neo4j, { type Driver } from 'neo4j-driver';

import type { Neo4jModuleOptions } from './neo4j.tokens';

/**
 * Short acquisition and connection timeouts: a dead Neo4j must fail fast so callers can
 * degrade. Managed transactions (`executeRead/Write`) retry transient errors for at most
 * `retryMs`; callers with a hard deadline (feature serving) race their own timer as well.
 */
export function createNeo4jDriver(options: Neo4jModuleOptions, timeoutMs = 1000, retryMs = 3000): Driver {
  const auth = options.password ? neo4j.auth.basic(options.user, options.password) : undefined;
  return neo4j.driver(options.url, auth, {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs * 2,
    maxConnectionPoolSize: 50,
    maxTransactionRetryTime: retryMs,
    disableLosslessIntegers: true,
    logging: { level: 'error', logger: () => undefined },
  });
}
