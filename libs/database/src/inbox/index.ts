export * from './inbox-message.entity';
export * from './inbox.migration';
export * from './inbox-identity.migration';
export * from './inbox-claim';
export * from './event-id-conflict.exception';
export * from './inbox.service';
export * from './inbox.module';
