import { SeededRandom } from '@loanmesh/ml';

import { pairedBootstrapAucGap } from './paired-bootstrap';

const random = new SeededRandom(5);
const labels = Array.from({ length: 300 }, (_, i) => (i % 4 === 0 ? 1 : 0));
const noisy = (strength: number) => labels.map((y) => y * strength + random.next());

describe('pairedBootstrapAucGap', () => {
  it('is exactly zero for identical scores', () => {
    const s = noisy(0.5);
    expect(pairedBootstrapAucGap(s, s, labels, 200, 1)).toEqual({ low: 0, high: 0 });
  });

  it('lies above zero when the first scores separate the classes far better', () => {
    const { low, high } = pairedBootstrapAucGap(noisy(2), noisy(0.1), labels, 500, 1);
    expect(low).toBeGreaterThan(0.2);
    expect(high).toBeGreaterThan(low);
  });

  it('is reproducible for a seed', () => {
    const a = noisy(0.5);
    const b = noisy(0.4);
    expect(pairedBootstrapAucGap(a, b, labels, 300, 9)).toEqual(pairedBootstrapAucGap(a, b, labels, 300, 9));
  });

  it('refuses arrays of different lengths', () => {
    expect(() => pairedBootstrapAucGap([0.1], [0.1, 0.2], [0, 1], 10, 1)).toThrow(/length/);
  });
});
