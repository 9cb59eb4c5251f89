export * from './inbox-message.entity';
export * from './inbox.migration';
export * from './inbox.service';
export * from './inbox.module';
