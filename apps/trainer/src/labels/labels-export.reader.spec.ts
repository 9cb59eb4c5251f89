import { TrainerInputError } from '../errors/trainer-input.error';
import { readLabelsExport } from './labels-export.reader';
import { labelledSample } from './labelled-sample.factory';

const jsonl = (samples: unknown[]) => samples.map((s) => JSON.stringify(s)).join('\n') + '\n';

describe(readLabelsExport.name, () => {
  it('should lay out the samples of the kind as feature columns and a target, keeping line numbers', () => {
    const table = readLabelsExport(
      jsonl([
        labelledSample(),
        labelledSample({ kind: 'REASON_TAG', value: 'DEC_HIGH_LEVERAGE', target: null }),
        labelledSample({ value: 'NOT_FRAUD', target: 0, featureVector: [0.1, 12] }),
      ]),
      'FRAUD',
    );
    expect(table).toEqual({
      header: ['leverage', 'termMonths', 'target'],
      rows: [
        { line: 1, cells: ['0.4', '24', '1'] },
        { line: 3, cells: ['0.1', '12', '0'] },
      ],
    });
  });

  it.each([
    ['an empty file', '\n\n', /empty/],
    ['a line that is not JSON', `${jsonl([labelledSample()])}{oops\n`, /line 2: not JSON/],
    [
      'a sample without lineage',
      jsonl([{ ...labelledSample(), labellers: [] }]),
      /line 1: not a labelled sample \(labellers/,
    ],
    [
      'features and vector of different lengths',
      jsonl([labelledSample({ featureVector: [1] })]),
      /line 1: .*featureVector: featureNames and featureVector differ/,
    ],
    [
      'an adjudicated sample without its adjudicator',
      jsonl([labelledSample({ resolution: 'ADJUDICATED' })]),
      /line 1: .*adjudicator/,
    ],
    [
      'no sample of the kind',
      jsonl([labelledSample({ kind: 'OUTCOME_DISPUTE', value: 'REPAID', target: 0 })]),
      /no FRAUD samples/,
    ],
    [
      'samples from different feature sets',
      jsonl([labelledSample(), labelledSample({ featureNames: ['a', 'b'] })]),
      /line 2: features differ from line 1/,
    ],
    ['a sample never scored', jsonl([labelledSample({ featureNames: [], featureVector: [] })]), /no features/],
  ])('should refuse %s with a clear error', (_what, text, message) => {
    const act = () => readLabelsExport(text, 'FRAUD');
    expect(act).toThrow(TrainerInputError);
    expect(act).toThrow(message);
  });
});
