export * from './cookie-browser';
export * from './oidc-test-provider';
