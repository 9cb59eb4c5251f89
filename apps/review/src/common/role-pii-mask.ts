import { maskPii, maskString, PII_WITHHELD } from '@loanmesh/observability';

import { CLEAR_PII_ROLES, type Role } from '../auth/role';

const NAME_KEYS = new Set(['name', 'fullname', 'personid', 'nationalidtoken', 'phonetoken']);
/** Deeper than any view review serves; what lies beyond is withheld rather than shown unmasked. */
const MAX_DEPTH = 32;

/**
 * Personal data as a role may see it: officers and admins in clear, everyone else masked
 * (names, phones, national ids, and the ids of people wherever they appear: as a node or
 * guarantor, as the end of an edge, on an explanation's path or in its text).
 */
export function maskForRole<T>(role: Role, value: T): T {
  if (CLEAR_PII_ROLES.includes(role)) {
    return value;
  }
  const people = new Set<string>();
  collectPeople(value, people, 0);
  return maskPeople(maskPii(value), people, 0) as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !(value instanceof Date);
}

function isPersonRecord(record: Record<string, unknown>): boolean {
  return [record.kind, record.type, record.label].some((v) => typeof v === 'string' && v.toLowerCase() === 'person');
}

/** The ids of people: a record that is a person, a `personId`, an explanation's `people`. */
function collectPeople(value: unknown, into: Set<string>, depth: number): void {
  if (depth > MAX_DEPTH || !isRecord(value)) {
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v) => collectPeople(v, into, depth + 1));
    return;
  }
  if (isPersonRecord(value) && typeof value.id === 'string') {
    into.add(value.id);
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.toLowerCase() === 'personid' && typeof v === 'string') {
      into.add(v);
    } else if (k === 'people' && Array.isArray(v)) {
      v.filter((x): x is string => typeof x === 'string').forEach((x) => into.add(x));
    } else {
      collectPeople(v, into, depth + 1);
    }
  }
}

function maskText(text: string, people: ReadonlySet<string>): string {
  if (people.has(text)) {
    return maskString(text);
  }
  let out = text;
  for (const id of people) {
    if (id.length >= 3 && out.includes(id)) {
      out = out.split(id).join(maskString(id));
    }
  }
  return out;
}

function maskPeople(value: unknown, people: ReadonlySet<string>, depth: number): unknown {
  if (typeof value === 'string') {
    return maskText(value, people);
  }
  if (!isRecord(value)) {
    return value;
  }
  if (depth > MAX_DEPTH) {
    return PII_WITHHELD;
  }
  if (Array.isArray(value)) {
    return value.map((v) => maskPeople(v, people, depth + 1));
  }
  const isPerson = isPersonRecord(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const sensitive = NAME_KEYS.has(k.toLowerCase()) || (isPerson && (k === 'id' || k === 'caption'));
    out[k] = sensitive && typeof v === 'string' ? maskString(v) : maskPeople(v, people, depth + 1);
  }
  return out;
}
