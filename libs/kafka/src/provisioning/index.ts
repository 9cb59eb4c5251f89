export * from './kafka-provision.config';
export * from './service-acls';
export * from './topic-plan';
export * from './topic-provisioner';
export * from './cli/kafka-provision.command';
