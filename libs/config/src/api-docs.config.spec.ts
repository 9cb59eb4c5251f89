import { apiDocsEnabledOf, httpConfig } from './config.schemas';
import { ConfigValidationError, loadConfig } from './load-config';

describe(apiDocsEnabledOf.name, () => {
  const base = { HTTP_PORT: '3004', SERVICE_NAME: 'review' };
  const enabledWith = (env: Record<string, string>): boolean =>
    apiDocsEnabledOf(loadConfig(httpConfig, { ...base, ...env }));

  it('should serve /docs when unset outside production', () => {
    expect(enabledWith({})).toBe(true);
  });

  it('should hide /docs when unset in production (NODE_ENV or LOANMESH_ENV)', () => {
    expect(enabledWith({ NODE_ENV: 'production' })).toBe(false);
    expect(enabledWith({ LOANMESH_ENV: 'production' })).toBe(false);
  });

  it('should follow API_DOCS_ENABLED when set, in production too', () => {
    expect(enabledWith({ NODE_ENV: 'production', API_DOCS_ENABLED: 'true' })).toBe(true);
    expect(enabledWith({ API_DOCS_ENABLED: 'false' })).toBe(false);
  });

  it('should refuse a value other than true or false when booting', () => {
    expect(() => loadConfig(httpConfig, { ...base, API_DOCS_ENABLED: 'yes' })).toThrow(ConfigValidationError);
  });
});
