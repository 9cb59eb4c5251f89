import { accountingQueryOf, accountingQuerySchema } from './application-accounting.schemas';

describe('accountingQuerySchema', () => {
  it('should read a run when only a run is given', () => {
    expect(accountingQuerySchema.parse({ run: '1764400000' })).toEqual({ kind: 'run', run: 1764400000 });
  });

  it('should read a half-open window when from and to are ISO instants', () => {
    const parsed = accountingQuerySchema.parse({ from: '2026-01-01T00:00:00Z', to: '2026-01-01T02:00:00+01:00' });

    expect(parsed).toEqual({
      kind: 'window',
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-01-01T02:00:00+01:00'),
    });
  });

  it.each([
    [{}, 'nothing'],
    [{ from: '2026-01-01T00:00:00Z' }, 'a window without its end'],
    [{ run: '3', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }, 'both a run and a window'],
    [{ from: '2026-01-02T00:00:00Z', to: '2026-01-02T00:00:00Z' }, 'an empty window'],
    [{ run: '-1' }, 'a negative run'],
    [{ run: '9999999999' }, 'a run beyond 2^31-1'],
    [{ run: '' }, 'an empty run'],
    [{ run: '1', extra: 'x' }, 'an unknown parameter'],
    [{ from: 'yesterday', to: '2026-01-02T00:00:00Z' }, 'a bound that is not ISO'],
  ])('should refuse %j when it is %s', (query: Record<string, string>, _what: string) => {
    expect(accountingQuerySchema.safeParse(query).success).toBe(false);
  });

  it('should give back the same selection when its query string is read again', () => {
    for (const query of [{ run: '42' }, { from: '2026-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.001Z' }]) {
      const selection = accountingQuerySchema.parse(query);
      const again = accountingQuerySchema.parse(Object.fromEntries(new URLSearchParams(accountingQueryOf(selection))));
      expect(again).toEqual(selection);
    }
  });
});
