export interface PolicyChange {
  path: string;
  from: unknown;
  to: unknown;
}

/** Leaf-by-leaf differences between two rule documents (arrays compared as whole values). */
export function diffPolicies(from: unknown, to: unknown, path = ''): PolicyChange[] {
  if (isObject(from) && isObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    return keys.flatMap((k) => diffPolicies(from[k], to[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ path, from: from ?? null, to: to ?? null }];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
