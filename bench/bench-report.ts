import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BenchResult } from './bench-result';

/** Regenerates docs/benchmarks.md from bench/results/*.json: `npm run bench:report`. */
const RESULTS = join(__dirname, 'results');

function met(m: BenchResult['metrics'][string]): boolean {
  return m.better === 'lower' ? m.value <= m.target : m.value >= m.target;
}

function section(r: BenchResult): string {
  const rows = Object.entries(r.metrics).map(
    ([k, m]) =>
      `| ${k} | ${m.value} ${m.unit} | ${m.better === 'lower' ? '≤' : '≥'} ${m.target} | ${met(m) ? 'met' : '**missed**'} |`,
  );
  return [
    `## ${r.benchmark}`,
    `Measured ${r.measuredAt} on ${r.machine.cpus} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}.`,
    '',
    '| metric | value | target | |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

const results = readdirSync(RESULTS)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(RESULTS, f), 'utf8')) as BenchResult);

const intro = `# Benchmarks

\`npm run bench\` runs every \`bench/*.bench.ts\` against the local stack (real Kafka, Neo4j and
PostgreSQL); \`npm run bench -- <name>\` runs one. Each writes \`bench/results/<name>.json\`
(format in TARGETS.md); \`npm run bench:report\` regenerates this page from them. Figures on a
shared 2-core machine move with its load: compare figures from the same run, and rerun on a
quiet machine before quoting one.
`;
writeFileSync(join(__dirname, '..', 'docs', 'benchmarks.md'), [intro, ...results.map(section)].join('\n'));
console.log(`docs/benchmarks.md: ${results.length} benchmarks`);
