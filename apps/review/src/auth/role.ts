/** The roles of the review console; every route names the roles it admits. */
export const ROLES = ['officer', 'senior_officer', 'risk_manager', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that see personal data in clear; everyone else gets it masked. */
export const CLEAR_PII_ROLES: readonly Role[] = ['officer', 'senior_officer', 'admin'];
