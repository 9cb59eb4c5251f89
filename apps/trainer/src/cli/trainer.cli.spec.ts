/**
 * @jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { labelledSample } from '../labels/labelled-sample.factory';
import { EXIT_BAD_INPUT, EXIT_OK, runTrainerCli } from './trainer.cli';

describe('runTrainerCli', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trainer-cli-'));
  const run = async (args: string[]) => {
    const err: string[] = [];
    const out: string[] = [];
    const code = await runTrainerCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it.each([
    [['--source', 'nowhere']],
    [[]],
    [['--source', 'csv', '--label', 'y']],
    [['--source', 'world']],
    [['--source', 'csv', '--file', '/does/not/exist.csv', '--label', 'y']],
    [['--source', 'csv', '--file', 'x.csv', '--label', 'y', '--models', 'forest']],
    [['--source', 'csv', '--file', 'x.csv', '--label', 'y', '--folds', 'many']],
    [['--source', 'world', '--history', '/does/not/exist']],
    [['--source', 'csv', '--bogus-flag']],
  ])('should exit 2 with a message when arguments are %j', async (args) => {
    const result = await run(args);
    expect(result.code).toBe(EXIT_BAD_INPUT);
    expect(result.err).toMatch(/error/i);
  });

  it('should exit 0 and document the sources when asked for help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(EXIT_OK);
    expect(result.out).toContain('--source <source>');
    expect(result.out).toContain('Exit codes');
  });

  it('should exit 2 when the CSV file is empty', async () => {
    writeFileSync(join(dir, 'empty.csv'), '');
    const result = await run(['--source', 'csv', '--file', join(dir, 'empty.csv'), '--label', 'y', '--out', dir]);
    expect(result.code).toBe(EXIT_BAD_INPUT);
    expect(result.err).toContain('the CSV file is empty');
  });

  it('should write onnx, cards and meta with cross-validation when training on a small CSV', async () => {
    const lines = [
      'x1,x2,cat,y',
      ...Array.from(
        { length: 300 },
        (_, i) => `${i % 17},${(i * 7) % 13},${'abc'[i % 3]},${(i % 17) + ((i * 7) % 13) > 15 ? 1 : 0}`,
      ),
    ];
    writeFileSync(join(dir, 'small.csv'), lines.join('\n'));
    const result = await run([
      '--source',
      'csv',
      '--file',
      join(dir, 'small.csv'),
      '--label',
      'y',
      '--out',
      dir,
      '--trees',
      '20',
      '--folds',
      '3',
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(EXIT_OK);
    const meta = JSON.parse(readFileSync(join(dir, 'small-gbm.meta.json'), 'utf8')) as {
      onnxSha256: string;
      featureNames: string[];
    };
    expect(meta.featureNames).toEqual(['x1', 'x2', 'cat']);
    expect(meta.onnxSha256).toMatch(/^[0-9a-f]{64}$/);
    const card = JSON.parse(readFileSync(join(dir, 'small-scorecard.card.json'), 'utf8')) as {
      crossValidation: { folds: number };
      parity: { passed: boolean };
    };
    expect(card.crossValidation.folds).toBe(3);
    expect(card.parity.passed).toBe(true);
    expect(readFileSync(join(dir, 'small-gbm.card.md'), 'utf8')).toContain('Calibration by decile');
    const references = JSON.parse(readFileSync(join(dir, 'small-gbm.references.json'), 'utf8')) as {
      statistic: string;
      references: Record<string, number>;
    };
    expect(references.statistic).toBe('median');
    expect(Object.keys(references.references)).toEqual(meta.featureNames);
  });

  it('should train from a labels export, keeping only the chosen kind, and name the file in the card', async () => {
    const samples = Array.from({ length: 240 }, (_, i) => {
      const leverage = (i % 20) / 20;
      const termMonths = 12 + ((i * 7) % 5) * 12;
      const fraud = leverage + termMonths / 120 > 0.9;
      return labelledSample({
        value: fraud ? 'FRAUD' : 'NOT_FRAUD',
        target: fraud ? 1 : 0,
        featureVector: [leverage, termMonths],
      });
    });
    const disputes = [labelledSample({ kind: 'OUTCOME_DISPUTE', value: 'REPAID', target: 0 })];
    const file = join(dir, 'labels.jsonl');
    writeFileSync(file, [...samples, ...disputes].map((s) => JSON.stringify(s)).join('\n'));
    const result = await run(['--source', 'labels', '--labels', file, '--out', dir, '--trees', '20', '--folds', '3']);
    expect(result.err).toBe('');
    expect(result.code).toBe(EXIT_OK);
    expect(result.out).toContain('labels-fraud-gbm: testAUC=');
    const meta = JSON.parse(readFileSync(join(dir, 'labels-fraud-gbm.meta.json'), 'utf8')) as {
      featureNames: string[];
    };
    expect(meta.featureNames).toEqual(['leverage', 'termMonths']);
    const card = JSON.parse(readFileSync(join(dir, 'labels-fraud-gbm.card.json'), 'utf8')) as {
      dataFingerprint?: { rows: number; source: string };
    };
    // 240 FRAUD samples: the OUTCOME_DISPUTE line is not part of this training set.
    expect(card.dataFingerprint).toMatchObject({ rows: 240, source: file });
  });

  it.each([
    [['--source', 'labels'], /--labels is required/],
    [['--source', 'labels', '--labels', 'x.jsonl', '--label-kind', 'REASON_TAG'], /error/],
  ])('should exit 2 when the labels arguments are %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(EXIT_BAD_INPUT);
    expect(result.err).toMatch(message);
  });

  it('should exit 2 naming the line when the labels export is malformed', async () => {
    const file = join(dir, 'bad-labels.jsonl');
    writeFileSync(file, `${JSON.stringify(labelledSample())}\n{"taskId": "nope"}\n`);
    const result = await run(['--source', 'labels', '--labels', file, '--out', dir]);
    expect(result.code).toBe(EXIT_BAD_INPUT);
    expect(result.err).toMatch(/error: line 2: not a labelled sample/);
  });
});
