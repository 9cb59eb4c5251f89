export * from './outbox-message.entity';
export * from './outbox.migration';
export * from './outbox-quarantine.migration';
export * from './outbox.writer';
export * from './outbox-publisher';
export * from './outbox-relay.service';
export * from './outbox.module-definition';
export * from './outbox.module';
