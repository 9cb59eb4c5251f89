import type { Role } from '../role';

/**
 * When the claim maps to several roles, the most powerful one wins: a senior officer is usually
 * in the officers' group too. Kept explicit so the order is a reviewed decision, not key order.
 */
export const ROLE_PRECEDENCE: readonly Role[] = ['admin', 'risk_manager', 'senior_officer', 'auditor', 'officer'];

/**
 * The LoanMesh role for a claim value (a string, or an array of strings as `groups` usually is),
 * or undefined when nothing in it is mapped. Values are compared exactly (case matters).
 */
export function mapRole(claim: unknown, roleMap: Readonly<Record<string, Role>>): Role | undefined {
  const values = typeof claim === 'string' ? [claim] : Array.isArray(claim) ? claim : [];
  const mapped = new Set<Role>();
  for (const value of values) {
    if (typeof value === 'string' && Object.hasOwn(roleMap, value)) {
      mapped.add(roleMap[value]);
    }
  }
  return ROLE_PRECEDENCE.find((role) => mapped.has(role));
}
