/**
 * Runs at most `size` tasks at a time; the rest wait in arrival order. Feature serving uses
 * it so a burst of applications queues instead of opening one Neo4j session each and
 * exhausting the driver's pool (which made 60% fail at 100/s before the cache).
 */
export class FeatureWorkerPool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) {
        next();
      } else {
        this.running--;
      }
    }
  }
}
