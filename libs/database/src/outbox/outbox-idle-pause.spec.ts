import { IdlePause } from './outbox-idle-pause';

describe(IdlePause.name, () => {
  const empty = { locked: true, claimed: 0, published: 0 };

  it('doubles the pause while rounds come back empty, up to the ceiling', () => {
    const idle = new IdlePause(50, 1000);
    expect(Array.from({ length: 7 }, () => idle.next(empty))).toEqual([50, 100, 200, 400, 800, 1000, 1000]);
  });

  it('goes back to the base after a round that published', () => {
    const idle = new IdlePause(50, 1000);
    idle.next(empty);
    idle.next(empty);
    expect(idle.next({ locked: true, claimed: 3, published: 3 })).toBe(50);
    expect(idle.next(empty)).toBe(50);
    expect(idle.next(empty)).toBe(100);
  });

  it('retries after the base when another relay held the lock: its rows may be ours to relay next', () => {
    const idle = new IdlePause(50, 1000);
    idle.next(empty);
    idle.next(empty);
    expect(idle.next({ locked: false, claimed: 0, published: 0 })).toBe(50);
  });

  it('polls again after the base when the publisher held rows back: their condition is re-checked soon', () => {
    const idle = new IdlePause(50, 1000);
    idle.next(empty);
    idle.next(empty);
    expect(idle.next({ locked: true, claimed: 4, published: 0 })).toBe(50);
    expect(idle.next({ locked: true, claimed: 4, published: 0 })).toBe(50);
  });

  it('never pauses longer than the base when the ceiling is set below it', () => {
    const idle = new IdlePause(200, 100);
    expect([idle.next(empty), idle.next(empty)]).toEqual([200, 200]);
  });

  it('starts over from the base after reset', () => {
    const idle = new IdlePause(10, 80);
    idle.next(empty);
    idle.next(empty);
    idle.reset();
    expect(idle.next(empty)).toBe(10);
  });
});
