/**
 * Environment for running the services against the local infrastructure started by
 * `npm run infra:up`. Used by the demo and the test harness; production sets variables itself.
 */
export const LOCAL_ENV: Readonly<Record<string, string>> = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  NEO4J_URL: 'bolt://127.0.0.1:7687',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/loanmesh',
  PII_HASH_KEY: 'local-development-key-change-me',
  LOG_LEVEL: 'info',
};
