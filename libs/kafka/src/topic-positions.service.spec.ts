import type { Kafka } from 'kafkajs';

import { TopicPositionsService } from './topic-positions.service';

function kafkaAnswering(fetchOffsets: jest.Mock): Kafka {
  const admin = { connect: () => Promise.resolve(), disconnect: () => Promise.resolve(), fetchOffsets };
  return { admin: () => admin } as unknown as Kafka;
}

const loading = Object.assign(new Error("The coordinator is loading and hence can't process requests for this group"), {
  type: 'GROUP_LOAD_IN_PROGRESS',
});

describe(TopicPositionsService.name, () => {
  it('should wait while the group coordinator of a just-started broker loads, then answer', async () => {
    const fetchOffsets = jest
      .fn()
      .mockRejectedValueOnce(loading)
      .mockRejectedValueOnce(loading)
      .mockResolvedValue([
        {
          topic: 't',
          partitions: [
            { partition: 0, offset: '7' },
            { partition: 1, offset: '-1' },
          ],
        },
      ]);
    const sut = new TopicPositionsService(kafkaAnswering(fetchOffsets));

    await expect(sut.committedOffsets('g', 't')).resolves.toEqual({ '0': 7 });
    expect(fetchOffsets).toHaveBeenCalledTimes(3);
  });

  it('should throw at once any other error', async () => {
    const fetchOffsets = jest
      .fn()
      .mockRejectedValue(Object.assign(new Error('denied'), { type: 'GROUP_AUTHORIZATION_FAILED' }));
    const sut = new TopicPositionsService(kafkaAnswering(fetchOffsets));

    await expect(sut.committedOffsets('g', 't')).rejects.toThrow('denied');
    expect(fetchOffsets).toHaveBeenCalledTimes(1);
  });
});
