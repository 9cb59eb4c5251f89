import { jaroWinkler } from './jaro-winkler';

describe(jaroWinkler.name, () => {
  it('should return the textbook value when comparing MARTHA and MARHTA', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
  });

  it('should return 1 when the strings are equal and 0 when one is empty', () => {
    expect(jaroWinkler('acme ltd', 'acme ltd')).toBe(1);
    expect(jaroWinkler('', 'acme')).toBe(0);
  });
});
