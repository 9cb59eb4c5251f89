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
}
