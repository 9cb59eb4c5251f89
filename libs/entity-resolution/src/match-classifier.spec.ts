import { classifyPairs, DEFAULT_MATCH_THRESHOLDS } from './match-classifier';
import type { PairFacts } from './match-scorer';

const pair = (o: Partial<PairFacts> = {}): PairFacts => ({
  kind: 'company',
  aId: 'C-2',
  bId: 'C-1',
  aName: 'acme trading ltd',
  bName: 'acme trading ltd',
  samePhone: true,
  sameAddress: true,
  sameBirthYear: false,
  sameKey: false,
  ...o,
});

describe(classifyPairs.name, () => {
  it('should auto-link once with the smaller id first when a pair is found from both sides', () => {
    const rows = classifyPairs([pair(), pair({ aId: 'C-1', bId: 'C-2' })], DEFAULT_MATCH_THRESHOLDS);

    expect(rows.map((r) => [r.id, r.status])).toEqual([['company:C-1:C-2', 'AUTO_LINKED']]);
  });

  it('should keep a review candidate when the score is between the thresholds', () => {
    const rows = classifyPairs([pair({ samePhone: false })], DEFAULT_MATCH_THRESHOLDS);

    expect(rows.map((r) => [r.status, r.evidence.score])).toEqual([['PENDING', 0.8]]);
  });

  it('should drop the pair when the score is below the review threshold', () => {
    expect(classifyPairs([pair({ samePhone: false, sameAddress: false })], DEFAULT_MATCH_THRESHOLDS)).toEqual([]);
  });
});
