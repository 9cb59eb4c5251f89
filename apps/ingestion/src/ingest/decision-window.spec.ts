import { isWithinDecisionWindow } from './decision-window';

describe(isWithinDecisionWindow.name, () => {
  const now = new Date('2026-11-29T12:00:00.000Z');

  it('should accept an application submitted a minute ago when the window is 72 hours', () => {
    expect(isWithinDecisionWindow('2026-11-29T11:59:00.000Z', now, 72)).toBe(true);
  });

  it('should treat an application from years ago as history when replayed', () => {
    expect(isWithinDecisionWindow('2019-01-01T15:11:36.000Z', now, 72)).toBe(false);
  });

  it('should include the boundary and exclude one millisecond past it', () => {
    expect(isWithinDecisionWindow('2026-11-26T12:00:00.000Z', now, 72)).toBe(true);
    expect(isWithinDecisionWindow('2026-11-26T11:59:59.999Z', now, 72)).toBe(false);
  });
});
