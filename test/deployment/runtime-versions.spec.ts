import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

interface PackageJson {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(read('package.json')) as PackageJson;
const lockRoot = (JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node: string } }> })
  .packages[''];
const images = [...read('Dockerfile').matchAll(/^FROM (node:\S+)/gm)].map((m) => m[1] ?? '');
const operations = read('docs/operations.md');
const versions = /^## Versions\n([\s\S]*?)(?=^## )/m.exec(operations)?.[1] ?? '';

/** The major of a Node image tag (`node:26-bookworm-slim` → 26). */
function majorOf(image: string): number {
  return Number(/^node:(\d+)/.exec(image)?.[1]);
}

/**
 * Whether an `engines` range admits some release of `major`. Only the two forms the project
 * writes (`^X.Y.Z` and `>=X.Y.Z`, joined by `||`), so a new form fails here instead of passing.
 */
function admitsMajor(range: string, major: number): boolean {
  return range.split('||').some((part) => {
    const m = /^\s*(\^|>=)(\d+)\.\d+\.\d+\s*$/.exec(part);
    if (!m) {
      throw new Error(`engines form not understood: "${part.trim()}"`);
    }
    return m[1] === '^' ? Number(m[2]) === major : major >= Number(m[2]);
  });
}

/** The lowest major an `engines` range admits. */
function floorOf(range: string): number {
  return Math.min(...range.split('||').map((part) => Number(/(\d+)\./.exec(part)?.[1])));
}

describe('runtime versions (docs/operations.md "Versions")', () => {
  it('should build and run the image on one Node.js line, a supported LTS (even major, 20 is end of life)', () => {
    expect(images).toHaveLength(2);
    expect(new Set(images).size).toBe(1);
    const major = majorOf(images[0] ?? '');
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(22);
  });

  it('should admit the image Node.js in package.json engines, the lock file agreeing', () => {
    expect(admitsMajor(pkg.engines.node, majorOf(images[0] ?? ''))).toBe(true);
    expect(lockRoot?.engines?.node).toBe(pkg.engines.node);
  });

  it('should type-check against the lowest Node.js engines admits, so no newer API slips in', () => {
    const typesMajor = Number(/(\d+)\./.exec(pkg.devDependencies['@types/node'] ?? '')?.[1]);
    expect(typesMajor).toBe(floorOf(pkg.engines.node));
  });

  it('should write down the engines range and the image the project actually uses', () => {
    expect(versions).not.toBe('');
    expect(versions).toContain(`\`${pkg.engines.node}\``);
    expect(versions).toContain(`\`${images[0] ?? ''}\``);
  });

  it('should state each documented package at the range package.json asks for', () => {
    const rows = [...versions.matchAll(/^\| (@?[\w./-]+) +\| `([^`]+)` +\|/gm)].map((m): [string, string] => [
      m[1] ?? '',
      m[2] ?? '',
    ]);
    const named = new Map(rows);
    for (const required of ['neo4j-driver', 'typeorm', '@nestjs/typeorm', '@nestjs/core', 'typescript']) {
      expect(named.has(required)).toBe(true);
    }
    for (const [name, range] of rows) {
      expect({ name, range }).toEqual({ name, range: pkg.dependencies[name] ?? pkg.devDependencies[name] });
    }
  });
});
