import type { ChampionSelection, GraphLift, ModelCard } from './model-card.types';

const f = (x: number, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const pp = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
const range = ([lo, hi]: [number, number], show: (x: number) => string) => `[${show(lo)}, ${show(hi)}]`;

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
  lines.push(...calibrationLines(card));
  if (card.graphLift) {
    lines.push(...graphLiftLines(card.graphLift));
  }
  if (card.champion) {
    lines.push(...championLines(card.champion));
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
  if (card.categoryCodes) {
    lines.push(
      '',
      '## Categorical codes',
      '',
      'Code k is the k-th category, safest first by training default rate; blank or unseen is missing.',
      '',
    );
    Object.entries(card.categoryCodes).forEach(([name, categories]) =>
      lines.push(`- ${name}: ${categories.map((c, k) => `${k} ${c}`).join('; ')}`),
    );
  }
  if (card.warnings.length > 0) {
    lines.push('', '## Warnings', '', ...card.warnings.map((w) => `- ${w}`));
  }
  return lines.join('\n') + '\n';
}

function calibrationLines(card: ModelCard): string[] {
  const c = card.calibration;
  const raw = new Map(c.rawTest.map((b) => [b.decile, b]));
  const lines = [
    '',
    '## Calibration by decile (test)',
    '',
    '| decile | rows | predicted PD (served) | observed | gap | raw model predicted |',
    '|---|---|---|---|---|---|',
    ...card.metrics.test.calibration.map(
      (b) =>
        `| ${b.decile} | ${b.count} | ${pct(b.meanPredicted)} | ${pct(b.observedRate)} | ${pp(100 * (b.meanPredicted - b.observedRate))} pp | ${pct(raw.get(b.decile)?.meanPredicted ?? NaN)} |`,
    ),
    '',
    `Largest gap of the raw model: ${(100 * c.rawLargestGap.validation).toFixed(2)} pp on the validation part, ` +
      `${(100 * c.rawLargestGap.test).toFixed(2)} pp on test; served: ${(100 * c.servedLargestGapTest).toFixed(2)} pp on test.`,
  ];
  lines.push(
    c.recalibration
      ? `Recalibrated (validation gap above ${(100 * c.threshold).toFixed(0)} pp): Platt, PD = sigmoid(${f(c.recalibration.slope)} x logit(p) + ${f(c.recalibration.intercept)}), fitted on ${c.recalibration.fittedOn}; serving applies it from the model file.`
      : `Not recalibrated (validation gap at most ${(100 * c.threshold).toFixed(0)} pp).`,
  );
  return lines;
}

function graphLiftLines(g: GraphLift): string[] {
  const iv = g.intervals;
  const lines = [
    '',
    `## Graph lift (test set, approve the best ${pct(g.approvalRate)})`,
    '',
    '| model | AUC | AUC 95% interval | bad rate among approved | 95% interval |',
    '|---|---|---|---|---|',
    ...(
      [
        [g.tabular, iv?.a],
        [g.graph, iv?.b],
      ] as const
    ).map(
      ([s, i]) =>
        `| ${s.model} | ${f(s.auc)} | ${i ? range(i.auc, f) : 'n/a'} | ${pct(s.badRateAtApproval)} | ${i ? range(i.badRateAtApproval, pct) : 'n/a'} |`,
    ),
    '',
    `AUC gain ${f(g.aucGain)}${iv ? ` (paired 95% interval ${range(iv.aucGain, f)})` : ''}; bad-debt rate ${g.badRateReductionPp >= 0 ? 'lower' : 'higher'} by ${Math.abs(g.badRateReductionPp).toFixed(2)} percentage points with graph features` +
      (iv
        ? ` (reduction, paired 95% interval ${range(iv.badRateReductionPp, pp)} pp; ${iv.resamples} resamples, seed ${iv.seed}).`
        : '.'),
  ];
  if (iv) {
    lines.push(
      iv.badRateReductionPp[0] > 0
        ? 'The graph-enhanced model lowers the bad-debt rate at this approval rate; the interval excludes zero.'
        : 'The graph-enhanced model does **not** lower the bad-debt rate at this approval rate with an interval that excludes zero.',
    );
  }
  return lines;
}

function championLines(c: ChampionSelection): string[] {
  return [
    '',
    `## Champion (bad-debt rate among approved at ${pct(c.approvalRate)}): ${c.champion}`,
    '',
    c.rule,
    '',
    '| model | AUC [95%] | bad rate among approved [95%] | reduction vs reference, pp [paired 95%] |',
    '|---|---|---|---|',
    ...c.candidates.map(
      (r) =>
        `| ${r.model}${r.model === c.champion ? ' (champion)' : ''} | ${f(r.auc)} ${range(r.aucInterval, f)} | ${pct(r.badRateAtApproval)} ${range(r.badRateInterval, pct)} | ${r.reductionPp === null || r.reductionInterval === null ? 'reference' : `${pp(r.reductionPp)} ${range(r.reductionInterval, pp)}`} |`,
    ),
  ];
}
