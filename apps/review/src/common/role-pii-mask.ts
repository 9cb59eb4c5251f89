import { maskPii, maskString } from '@loanmesh/observability';

import { CLEAR_PII_ROLES, type Role } from '../auth/role';

const NAME_KEYS = new Set(['name', 'fullname', 'personid', 'nationalidtoken', 'phonetoken']);

/**
 * Personal data as a role may see it: officers and admins in clear, everyone else masked
 * (names, phones, national ids, and the ids of guarantors or graph nodes that are people).
 */
export function maskForRole<T>(role: Role, value: T): T {
  return CLEAR_PII_ROLES.includes(role) ? value : (maskPeople(maskPii(value)) as T);
}

function maskPeople(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object' || value instanceof Date) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((v) => maskPeople(v, depth + 1));
  }
  const record = value as Record<string, unknown>;
  const isPerson = [record.kind, record.type, record.label].some(
    (v) => typeof v === 'string' && v.toLowerCase() === 'person',
  );
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    const sensitive = NAME_KEYS.has(k.toLowerCase()) || (isPerson && (k === 'id' || k === 'caption'));
    out[k] = sensitive && typeof v === 'string' ? maskString(v) : maskPeople(v, depth + 1);
  }
  return out;
}
