import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

import { CorrelationContext } from './correlation.context';
import { DomainException, httpStatusOf } from './domain.exception';

/** Maps domain errors to their status; anything unexpected becomes a generic 500 with a correlation id. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(GlobalExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      throw exception;
    }
    const res = host.switchToHttp().getResponse<Response>();
    const correlationId = CorrelationContext.current() ?? randomUUID();
    if (exception instanceof DomainException) {
      if (exception.retryAfterSeconds !== undefined) {
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
      }
      res
        .status(httpStatusOf(exception.kind))
        .json({ code: exception.code, message: exception.message, correlationId });
      return;
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      res
        .status(exception.getStatus())
        .json(typeof body === 'string' ? { message: body, correlationId } : { ...body, correlationId });
      return;
    }
    this.logger.error(
      {
        msg: 'unhandled error',
        correlationId,
        error: exception instanceof Error ? exception.message : String(exception),
      },
      exception instanceof Error ? exception : undefined,
    );
    res.status(500).json({ code: 'INTERNAL', message: 'internal error', correlationId });
  }
}
