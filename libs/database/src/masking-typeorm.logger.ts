import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger, ObjectLiteral } from 'typeorm';

const QUOTED_VALUE = /: "[^"]*"/g;
const KEY_VALUE = /=\([^)]*\)/g;

/**
 * A PostgreSQL error message without the values it quotes: `invalid input syntax for type
 * uuid: "<value>"` and similar name the offending value, which may be personal data.
 * Relation and constraint names are kept (`relation "x" does not exist` has no ": ").
 */
export function redactPgMessage(message: string): string {
  return message.replace(QUOTED_VALUE, ': [withheld]').replace(KEY_VALUE, '=[withheld]');
}

/**
 * TypeORM's own loggers print a failed query with its parameters (names, addresses, national
 * ids) straight to the console, around the masking JSON logger. This one logs through Nest
 * (so the service's JSON logger and its PII masking apply) and never logs parameter values,
 * nor the error's `detail` (`Key (national_id)=(...) already exists`), only their shape.
 */
export class MaskingTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Queries are not logged: `logging` is errors only.
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[] | ObjectLiteral): void {
    const e = typeof error === 'string' ? { message: error } : (error as Error & { code?: string });
    this.logger.error({
      msg: 'query failed',
      error: redactPgMessage(e.message),
      ...('code' in e && e.code ? { code: e.code } : {}),
      query: query.length > 500 ? `${query.slice(0, 500)}…` : query,
      parameters: `${parameterCount(parameters)} withheld`,
    });
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ msg: 'slow query', ms: time, query: query.slice(0, 500) });
  }

  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = redactPgMessage(String(message));
    if (level === 'warn') {
      this.logger.warn(text);
    } else {
      this.logger.log(text);
    }
  }
}

/** TypeORM 1.x types parameters as a positional list or a named map (drivers with named binds). */
function parameterCount(parameters: unknown[] | ObjectLiteral | undefined): number {
  if (parameters === undefined) {
    return 0;
  }
  return Array.isArray(parameters) ? parameters.length : Object.keys(parameters).length;
}
