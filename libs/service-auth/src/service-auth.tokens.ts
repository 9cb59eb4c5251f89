/** Injection token of the guard's options. */
export const SERVICE_AUTH_OPTIONS = Symbol('SERVICE_AUTH_OPTIONS');

export interface ServiceAuthGuardOptions {
  /** `all`: every route but the probes needs a credential; `metrics`: only the scrape (review). */
  scope: 'all' | 'metrics';
  metricsToken?: string;
}
