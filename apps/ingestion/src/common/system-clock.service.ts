import { Injectable } from '@nestjs/common';

/** The clock as an adapter, so tests can pin "now". */
@Injectable()
export class SystemClock {
  now(): Date {
    return new Date();
  }
}
