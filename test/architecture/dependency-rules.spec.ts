import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface CruiseSummary {
  summary: { violations: { rule: { name: string }; from: string; to: string }[]; totalCruised: number };
}

function cruise(): CruiseSummary {
  const out = execFileSync(
    join(root, 'node_modules', '.bin', 'depcruise'),
    ['apps', 'libs', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out) as CruiseSummary;
}

describe('dependency rules', () => {
  it('should find no forbidden import between apps and libs when cruising the code', () => {
    const result = cruise();
    expect(result.summary.totalCruised).toBeGreaterThan(20);
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  }, 120000);
});
