export * from './config.schemas';
export * from './config-checks';
export * from './kafka-connection.config';
export * from './load-config';
export * from './local-defaults';
export * from './secret-config';
export const APP_CONFIG = Symbol('APP_CONFIG');
