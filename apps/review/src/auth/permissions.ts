import type { Role } from './role';

const OFFICERS: readonly Role[] = ['officer', 'senior_officer'];
const OVERSIGHT: readonly Role[] = ['risk_manager', 'auditor', 'admin'];

/**
 * What each role may do, by name: the routes declare their roles from here and the console
 * asks `GET /auth/permissions` for the signed-in user's, so role lists live in one place.
 */
export const PERMISSIONS = {
  'cases.claim': OFFICERS,
  'cases.decide': OFFICERS,
  'cases.confirm': ['senior_officer'],
  'cases.reassign': ['senior_officer', 'admin'],
  'cases.comment': [...OFFICERS, 'risk_manager'],
  'cases.reopen': ['senior_officer', 'risk_manager'],
  'cases.memo': ['officer', 'senior_officer', 'risk_manager', 'auditor', 'admin'],
  'policies.read': OVERSIGHT,
  'policies.write': ['risk_manager'],
  'models.read': OVERSIGHT,
  'models.promote': ['risk_manager'],
  'resolution.read': ['senior_officer', 'risk_manager', 'admin'],
  'resolution.decide': ['senior_officer', 'risk_manager'],
  'decisions.replay': OVERSIGHT,
  'watchlist.read': [...OFFICERS, ...OVERSIGHT],
  'watchlist.acknowledge': [...OFFICERS, 'risk_manager'],
  'labels.label': [...OFFICERS, 'risk_manager'],
  'labels.task': ['senior_officer', 'risk_manager'],
  'labels.adjudicate': ['senior_officer', 'risk_manager'],
  'labels.agreement': [...OFFICERS, 'risk_manager', 'auditor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => (PERMISSIONS[p] as readonly Role[]).includes(role));
}
