/**
 * Runs at most `concurrency` tasks at a time; the rest wait in arrival order, up to
 * `maxQueued` of them. Graph feature serving queues a burst of applications instead of
 * opening a Neo4j session each; review's sign-in bounds the CPU bcrypt may take and answers
 * 429 when even the queue is full, so a login flood cannot starve the decision pipeline.
 */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxQueued = Number.POSITIVE_INFINITY,
  ) {}

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves to the task's result, waiting for a slot however long the queue. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) {
        next();
      } else {
        this.running -= 1;
      }
    }
  }

  /** As `run`, but resolves to `undefined` at once, without running the task, when the queue is full. */
  tryRun<T>(task: () => Promise<T>): Promise<T | undefined> {
    if (this.running >= this.concurrency && this.waiting.length >= this.maxQueued) {
      return Promise.resolve(undefined);
    }
    return this.run(task);
  }
}
