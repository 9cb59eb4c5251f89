export * from './config.schemas';
export * from './load-config';
export * from './local-defaults';
export const APP_CONFIG = Symbol('APP_CONFIG');
