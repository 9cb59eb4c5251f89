import type { DataSource, Repository } from 'typeorm';

import { PolicyService } from './policy.service';
import type { PolicyVersionEntity } from './policy-version.entity';

function serviceWith(findOne: jest.Mock): PolicyService {
  const versions = { findOne } as unknown as Repository<PolicyVersionEntity>;
  return new PolicyService(versions, {} as DataSource);
}

const activeRow = { version: 3, rules: { approveBelowPd: 0.05 } };

describe('PolicyService.active', () => {
  it('reads the active policy once for a burst of concurrent decisions', async () => {
    const findOne = jest.fn(() => new Promise((resolve) => setImmediate(() => resolve(activeRow))));
    const service = serviceWith(findOne);

    const answers = await Promise.all(Array.from({ length: 200 }, () => service.active()));

    expect(findOne).toHaveBeenCalledTimes(1);
    expect(new Set(answers.map((a) => a.version))).toEqual(new Set([3]));
  });

  it('does not keep a failed read: the next caller reads again', async () => {
    const findOne = jest
      .fn()
      .mockRejectedValueOnce(new Error('connection terminated'))
      .mockResolvedValueOnce(activeRow);
    const service = serviceWith(findOne);

    await expect(service.active()).rejects.toThrow('connection terminated');
    await expect(service.active()).resolves.toMatchObject({ version: 3 });
    expect(findOne).toHaveBeenCalledTimes(2);
  });

  it('fails with the policy error when no version is active, and asks again next time', async () => {
    const findOne = jest.fn().mockResolvedValue(null);
    const service = serviceWith(findOne);

    await expect(service.active()).rejects.toThrow();
    await expect(service.active()).rejects.toThrow();
    expect(findOne).toHaveBeenCalledTimes(2);
  });
});
