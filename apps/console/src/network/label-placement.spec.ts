import { placeLabels } from './label-placement';

const box = (x: number, y: number) => ({ x1: x, y1: y, x2: x + 50, y2: y + 14 });

describe('placeLabels', () => {
  it('should keep the higher-ranked of two overlapping labels and every label clear of others', () => {
    const shown = placeLabels([
      { id: 'low', rank: 1, box: box(0, 0) },
      { id: 'high', rank: 100, box: box(10, 5) },
      { id: 'apart', rank: 1, box: box(200, 0) },
    ]);
    expect([...shown].sort()).toEqual(['apart', 'high']);
  });
});
