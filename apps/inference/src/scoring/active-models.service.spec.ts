import { fakeModel } from '../testing/fake-models';
import { ActiveModelsService } from './active-models.service';

describe(ActiveModelsService.name, () => {
  it('should keep serving the leased champion when a swap happens mid-message', async () => {
    const sut = new ActiveModelsService();
    const v1 = fakeModel('v1');
    const v2 = fakeModel('v2');
    await sut.replace({ champion: v1.model, championProblem: null });

    const lease = sut.lease();
    await sut.replace({ champion: v2.model });

    expect(lease.champion).toBe(v1.model);
    expect(sut.models.champion).toBe(v2.model);
    expect(v1.session.released).toBe(false);
    lease.end();
    await Promise.resolve();
    expect(v1.session.released).toBe(true);
  });

  it('should release a dropped model at once when no message holds it', async () => {
    const sut = new ActiveModelsService();
    const v1 = fakeModel('v1');
    await sut.replace({ champion: v1.model });

    await sut.replace({ champion: fakeModel('v2').model });

    expect(v1.session.released).toBe(true);
  });

  it('should not release a model when it moves from challenger to champion', async () => {
    const sut = new ActiveModelsService();
    const c = fakeModel('c');
    await sut.replace({ champion: fakeModel('old').model, challenger: c.model });

    await sut.replace({ champion: c.model, challenger: null });

    expect(c.session.released).toBe(false);
  });

  it('should run exclusive work one at a time when called concurrently', async () => {
    const sut = new ActiveModelsService();
    const order: string[] = [];
    const slow = sut.exclusive(async () => {
      order.push('a-start');
      await new Promise((r) => setTimeout(r, 20));
      order.push('a-end');
    });
    const fast = sut.exclusive(() => {
      order.push('b');
      return Promise.resolve();
    });

    await Promise.all([slow, fast]);

    expect(order).toEqual(['a-start', 'a-end', 'b']);
  });
});
