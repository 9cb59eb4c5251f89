import type { SeededRandom } from '../random/seeded-random';
import type { CanonicalAddress } from '../world.types';

const STREET_ABBREVIATIONS: Readonly<Record<string, string>> = { Street: 'St', Road: 'Rd', Avenue: 'Ave', Lane: 'Ln' };
const EXPANSIONS: Readonly<Record<string, string>> = { st: 'street', rd: 'road', ave: 'avenue', ln: 'lane' };

/**
 * Phone text as a core-banking clerk might have typed it. Style 0 is canonical; the others
 * are the formatting variants entity resolution must see through.
 */
export function formatPhone(canonical: string, style: number): string {
  const d = canonical.slice(1);
  switch (style % 4) {
    case 1:
      return `0${d.slice(0, 2)} ${d.slice(2, 6)} ${d.slice(6)}`;
    case 2:
      return `+44 ${d.slice(0, 2)} ${d.slice(2, 6)} ${d.slice(6)}`;
    case 3:
      return `(0${d.slice(0, 2)}) ${d.slice(2, 6)}-${d.slice(6)}`;
    default:
      return canonical;
  }
}

/** Inverse of every phone style: digits only, +44 country prefix folded to a leading 0. */
export function normalizePhone(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.startsWith('44') && digits.length === 12 ? `0${digits.slice(2)}` : digits;
}

export function formatAddress(address: CanonicalAddress, style: number): CanonicalAddress {
  switch (style % 4) {
    case 1: {
      const words = address.line1.split(' ');
      const last = words[words.length - 1] ?? '';
      words[words.length - 1] = `${STREET_ABBREVIATIONS[last] ?? last}.`;
      return { ...address, line1: words.join(' ') };
    }
    case 2:
      return {
        line1: address.line1.toUpperCase(),
        city: address.city.toUpperCase(),
        postcode: address.postcode.replace(' ', ''),
      };
    case 3:
      return { ...address, line1: address.line1.replace(' ', ', ').toLowerCase() };
    default:
      return address;
  }
}

/** Inverse of every address style: the canonical key `line1|city|postcode` in lower case. */
export function normalizeAddress(address: CanonicalAddress): string {
  const line1 = address.line1
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => EXPANSIONS[w] ?? w)
    .join(' ');
  const postcode = address.postcode.toLowerCase().replace(/\s+/g, '');
  return `${line1}|${address.city.toLowerCase()}|${postcode}`;
}

/** A plausible spelling variant of a name: a dropped or doubled letter, or a changed suffix. */
export function nameVariant(name: string, rng: SeededRandom): string {
  if (name.endsWith(' Ltd')) {
    return `${name.slice(0, -4)} Limited`;
  }
  const i = 1 + rng.int(Math.max(1, name.length - 2));
  const c = name.charAt(i);
  if (c === ' ') {
    return name.toUpperCase();
  }
  return rng.chance(0.5) ? name.slice(0, i) + name.slice(i + 1) : name.slice(0, i) + c + name.slice(i);
}
