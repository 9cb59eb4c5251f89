export * from './shutdown-phase';
export * from './graceful-shutdown.service';
export * from './shutdown.runner';
export * from './shutdown-signal.handler';
