export * from './test-database';
export * from './wait-for';
export * from './kafka-test-client';
export * from './test-topics';
export * from './service-process';
export * from './test-infra';
export * from './service-shutdown';
