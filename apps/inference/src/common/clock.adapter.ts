import { Injectable } from '@nestjs/common';

/** The wall clock, behind an adapter so tests can pin time. */
@Injectable()
export class ClockAdapter {
  now(): Date {
    return new Date();
  }

  /** A monotonic timestamp in milliseconds for measuring durations. */
  monotonicMs(): number {
    return performance.now();
  }

  /** A promise rejected with `error()` after `ms`, unless cancelled first. */
  deadline(ms: number, error: () => Error): { expired: Promise<never>; cancel: () => void } {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(error()), ms);
    });
    return { expired, cancel: () => clearTimeout(timer) };
  }
}
