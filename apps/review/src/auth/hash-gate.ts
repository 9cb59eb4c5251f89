/**
 * Bounds the CPU sign-in may take: at most `concurrency` bcrypt computations at once and
 * `queue` waiting; beyond that `run` refuses at once (the caller answers 429), so a flood of
 * sign-ins from many names and addresses cannot starve the decision pipeline of the CPU.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
  ) {}

  /** Resolves to the task's result, or to `undefined` when the gate is full. */
  async run<T>(task: () => Promise<T>): Promise<T | undefined> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) {
        return undefined;
      }
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
}
