export * from './typeorm-options.factory';
export * from './schema.migration';
export * from './database-health.indicator';
export * from './database-health.module';
export * from './database-root.module';
export * from './inbox';
export * from './outbox';
export * from './keyset-pages';
