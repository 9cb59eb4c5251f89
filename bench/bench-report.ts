import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BenchResult } from './bench-result';

/** Regenerates docs/benchmarks.md from bench/results/*.json: `npm run bench:report`. */
const RESULTS = join(__dirname, 'results');

function met(m: BenchResult['metrics'][string]): boolean {
  return m.better === 'lower' ? m.value <= m.target : m.value >= m.target;
}

/**
 * Metrics named `<group>.<figure>` (the chaos suite's `kill-graph.lost`, ...) as one row per
 * group and one column per figure; a missed target is marked with `**`.
 */
function matrix(r: BenchResult): string[] {
  const groups = [...new Set(Object.keys(r.metrics).map((k) => k.split('.')[0]))];
  const figures = [...new Set(Object.keys(r.metrics).map((k) => k.split('.').slice(1).join('.')))];
  const cell = (m: BenchResult['metrics'][string] | undefined): string =>
    m === undefined ? '' : met(m) ? `${m.value}` : `**${m.value}**`;
  const targets = figures.map((f) => {
    const all = Object.entries(r.metrics)
      .filter(([k]) => k.endsWith(`.${f}`))
      .map(([, m]) => m);
    const m = all[0];
    if (m === undefined || (m.target === 0 && m.better === 'higher')) {
      return '';
    }
    return all.every((o) => o.target === m.target) ? `${m.better === 'lower' ? '≤' : '≥'} ${m.target}` : 'per row';
  });
  return [
    `| | ${figures.join(' | ')} |`,
    `|---|${figures.map(() => '---').join('|')}|`,
    `| *target* | ${targets.join(' | ')} |`,
    ...groups.map((g) => `| ${g} | ${figures.map((f) => cell(r.metrics[`${g}.${f}`])).join(' | ')} |`),
  ];
}

function section(r: BenchResult): string {
  if (Object.keys(r.metrics).every((k) => k.includes('.'))) {
    return [
      `## ${r.benchmark}`,
      `Measured ${r.measuredAt} on ${r.machine.cpus} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}. Missed targets in **bold**; columns without a target are for reading.${r.benchmark === 'chaos' ? ' Scenarios, figures and how they are measured: [operations.md](operations.md), "Chaos suite".' : ''}`,
      '',
      ...matrix(r),
      '',
    ].join('\n');
  }
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
