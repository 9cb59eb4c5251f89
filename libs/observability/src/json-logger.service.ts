import type { LoggerService, LogLevel } from '@nestjs/common';

import { CorrelationContext } from './correlation.context';
import { maskPii } from './pii-mask';

const ORDER: Record<string, number> = { debug: 10, verbose: 10, info: 20, log: 20, warn: 30, error: 40, fatal: 50 };

/** One JSON object per line on stdout, with the service name and the current correlation id. */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    private readonly service: string,
    level: string = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {
    this.threshold = ORDER[level] ?? 20;
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }
  setLogLevels(_levels: LogLevel[]): void {
    // Level comes from validated config at construction; Nest's runtime changes are ignored.
  }

  private emit(level: string, message: unknown, rest: unknown[]): void {
    if ((ORDER[level] ?? 20) < this.threshold) {
      return;
    }
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      context,
      correlationId: CorrelationContext.current(),
    };
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      Object.assign(entry, maskPii(message));
    } else {
      entry.msg = message instanceof Error ? message.message : String(message);
    }
    const err = rest.find((r): r is Error => r instanceof Error);
    if (err?.stack) {
      entry.stack = err.stack;
    } else if (level === 'error' && typeof rest[0] === 'string' && rest.length > 1) {
      entry.stack = rest[0];
    }
    this.write(JSON.stringify(entry));
  }
}
