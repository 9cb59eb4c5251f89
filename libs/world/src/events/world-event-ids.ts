import { uuidV5 } from '../random/name-based-uuid';

/** Root of every world's event-id namespace: a fixed random UUID, so ids never change by accident. */
const WORLD_EVENT_IDS_ROOT = 'b57289a4-b63a-43cb-a85a-0a62a0fb4958';

/**
 * Event ids of one world configuration. Ids are name-based (UUID v5) under a namespace of
 * the world's seed and scale: the backlog's i-th event is `backlog/<i>`, a live run's i-th
 * application `live-run/<run>/<i>`. The same configuration regenerates the same ids (a
 * republish is an idempotent duplicate), while two worlds, or two live runs of a world,
 * never share one. Ids drawn from a seed's PRNG stream did: a test world at scale 0.02 and
 * the demo world at scale 1 with the same seed began with the same ids.
 */
export class WorldEventIds {
  private readonly namespace: string;

  constructor(seed: number, scale: number) {
    this.namespace = uuidV5(`loanmesh-world/seed=${seed}/scale=${scale}`, WORLD_EVENT_IDS_ROOT);
  }

  backlog(index: number): string {
    return uuidV5(`backlog/${index}`, this.namespace);
  }

  live(run: number, index: number): string {
    return uuidV5(`live-run/${run}/${index}`, this.namespace);
  }
}
