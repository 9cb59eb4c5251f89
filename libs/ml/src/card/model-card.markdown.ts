import type { ModelCard } from './model-card.types';

const f = (x: number, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** A readable Markdown rendering of the card for reviewers. */
export function renderModelCardMarkdown(card: ModelCard): string {
  const t = card.metrics.test;
  const lines = [
    `# Model card: ${card.name}`,
    '',
    `- Kind: ${card.kind}; feature version \`${card.featureVersion}\`; ${card.featureNames.length} features`,
    `- Created: ${card.createdAt}`,
    `- Training data: ${card.dataFingerprint.source}, ${card.dataFingerprint.rows} rows, sha256 \`${card.dataFingerprint.value}\``,
    `- Split: ${card.split.method}${card.split.seed === undefined ? '' : ` (seed ${card.split.seed})`}; ` +
      Object.entries(card.split.parts)
        .map(([k, p]) => `${k} ${p.rows}${p.from ? ` (${p.from} to ${p.to})` : ''}`)
        .join(', '),
    `- ONNX parity: max |onnxruntime - trainer| = ${card.parity.maxAbsDifference.toExponential(2)} over ${card.parity.rows} rows (${card.parity.passed ? 'passed' : 'FAILED'})`,
    '',
    '## Test-set performance',
    '',
    '| AUC | KS | Gini | Brier | log-loss | bad rate | rows |',
    '|---|---|---|---|---|---|---|',
    `| ${f(t.auc)} | ${f(t.ks)} | ${f(t.gini)} | ${f(t.brier)} | ${f(t.logLoss)} | ${pct(t.badRate)} | ${t.rows} |`,
  ];
  if (card.crossValidation) {
    const cv = card.crossValidation;
    lines.push(
      '',
      `Cross-validated AUC (${cv.folds} folds): **${f(cv.meanAuc)}** ± ${f(cv.stdAuc)} (folds: ${cv.aucPerFold.map((a) => f(a, 3)).join(', ')})`,
    );
  }
  lines.push(
    '',
    '## Calibration by decile (test)',
    '',
    '| decile | rows | mean predicted | observed |',
    '|---|---|---|---|',
  );
  t.calibration.forEach((b) =>
    lines.push(`| ${b.decile} | ${b.count} | ${pct(b.meanPredicted)} | ${pct(b.observedRate)} |`),
  );
  if (card.graphLift) {
    const g = card.graphLift;
    lines.push(
      '',
      `## Graph lift (test set, approve the best ${pct(g.approvalRate)})`,
      '',
      '| model | AUC | bad rate among approved |',
      '|---|---|---|',
    );
    [g.tabular, g.graph].forEach((s) => lines.push(`| ${s.model} | ${f(s.auc)} | ${pct(s.badRateAtApproval)} |`));
    lines.push(
      '',
      `AUC gain ${f(g.aucGain)}; bad-debt rate ${g.badRateReductionPp >= 0 ? 'lower' : 'higher'} by ${Math.abs(g.badRateReductionPp).toFixed(2)} percentage points with graph features.`,
    );
  }
  lines.push(
    '',
    `## Feature importance (${card.featureImportance.kind}, top 15)`,
    '',
    '| feature | share |',
    '|---|---|',
  );
  card.featureImportance.values.slice(0, 15).forEach((i) => lines.push(`| ${i.feature} | ${pct(i.value)} |`));
  lines.push(
    '',
    '## Baseline score distribution (for PSI)',
    '',
    `Edges: ${card.baselineScoreDistribution.edges.map((e) => f(e)).join(', ')}`,
  );
  lines.push(`Proportions: ${card.baselineScoreDistribution.proportions.map((p) => f(p, 3)).join(', ')}`);
  lines.push('', '## Hyper-parameters', '', '```json', JSON.stringify(card.hyperParameters, null, 2), '```');
  if (card.monotoneConstraints) {
    const named = Object.entries(card.monotoneConstraints);
    const list = (c: number) => named.filter(([, v]) => v === c).map(([name]) => name);
    lines.push(
      '',
      '## Monotone constraints',
      '',
      `- PD never falls as these rise (+1): ${list(1).join(', ') || 'none'}`,
      `- PD never rises as these rise (-1): ${list(-1).join(', ') || 'none'}`,
      `- Free (0): ${list(0).join(', ') || 'none'}`,
    );
  }
  if (card.warnings.length > 0) {
    lines.push('', '## Warnings', '', ...card.warnings.map((w) => `- ${w}`));
  }
  return lines.join('\n') + '\n';
}
