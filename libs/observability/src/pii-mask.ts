/** Keys whose values are personal data and never appear in logs in clear. */
const PII_KEYS = new Set(['nationalid', 'phone', 'fullname', 'accountnumber', 'line1', 'email', 'password']);

/** Deeper than any record LoanMesh logs or exports; what lies beyond is withheld, not shown unmasked. */
const MAX_DEPTH = 32;
export const PII_WITHHELD = '[withheld: nested too deep to mask]';

/** Deep copy with personal fields replaced by a short mask; used by the logger and exports. */
export function maskPii(value: unknown, depth = 0): unknown {
  // A Date is an object without own keys: walked like a record it would become {}.
  if (value === null || typeof value !== 'object' || value instanceof Date) {
    return value;
  }
  if (depth > MAX_DEPTH) {
    return PII_WITHHELD;
  }
  if (Array.isArray(value)) {
    return value.map((v) => maskPii(v, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = PII_KEYS.has(k.toLowerCase()) && typeof v === 'string' ? maskString(v) : maskPii(v, depth + 1);
  }
  return out;
}

export function maskString(v: string): string {
  return v.length <= 2 ? '**' : `${v.slice(0, 1)}***${v.slice(-1)}`;
}
