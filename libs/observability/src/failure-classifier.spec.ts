import { ContractViolation } from '@loanmesh/contracts';

import { DomainException } from './domain.exception';
import { classifyFailure } from './failure-classifier';

/** Shapes the drivers' real errors have (see failure-classifier.int-spec.ts for captured ones). */
const withCode = (message: string, code: string, extra: object = {}): Error =>
  Object.assign(new Error(message), { code, ...extra });

describe(classifyFailure.name, () => {
  it.each([
    ['a domain error of kind UNAVAILABLE', new DomainException('NO_MODEL', 'UNAVAILABLE', 'no model'), 'transient'],
    ['a domain error of another kind', new DomainException('BAD', 'INVALID', 'bad'), 'permanent'],
    ['a contract violation', new ContractViolation('SCHEMA_VIOLATION', 'payload.n: expected number'), 'permanent'],
    [
      'a KafkaJS connection error',
      Object.assign(new Error('Connection error'), { name: 'KafkaJSConnectionError' }),
      'transient',
    ],
    [
      'a retriable KafkaJS protocol error',
      Object.assign(new Error('Leader not available'), { name: 'KafkaJSProtocolError', retriable: true }),
      'transient',
    ],
    ['a Neo4j transient error', withCode('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected'), 'transient'],
    ['a Neo4j expired session', withCode('expired', 'SessionExpired'), 'transient'],
    ['a PostgreSQL serialization failure', withCode('could not serialize', '40001'), 'transient'],
    ['a PostgreSQL deadlock', withCode('deadlock detected', '40P01'), 'transient'],
    ['PostgreSQL out of connections', withCode('too many clients', '53300'), 'transient'],
    [
      'a record the broker refuses as too large',
      Object.assign(new Error('The request included a message larger than the max message size'), {
        name: 'KafkaJSProtocolError',
        type: 'MESSAGE_TOO_LARGE',
        retriable: false,
      }),
      'permanent',
    ],
    ['a table the deployment lacks', withCode('relation "ingestion.raw_events" does not exist', '42P01'), 'transient'],
    ['a privilege the deployment lacks', withCode('permission denied for table decisions', '42501'), 'transient'],
    ['PostgreSQL shutting down', withCode('the database system is shutting down', '57P03'), 'transient'],
    [
      'a TypeORM wrapper of a pg data exception',
      Object.assign(new Error('wrapped'), { driverError: withCode('x', '22P05') }),
      'permanent',
    ],
    [
      'an error caused by a refused connection',
      new Error('outer', { cause: withCode('connect', 'ECONNREFUSED') }),
      'transient',
    ],
    [
      'an ONNX invalid argument',
      new Error('failed to call OrtRun(). ERROR_CODE: 2, ERROR_MESSAGE: Unexpected input'),
      'permanent',
    ],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'x')"), 'unknown'],
    ['a thrown string', 'boom', 'unknown'],
  ])('should classify %s', (_what, error, expected) => {
    expect(classifyFailure(error).class).toBe(expected);
  });

  it('should give a rejected record its rule code and reason when a contract or domain rule refused it', () => {
    expect(classifyFailure(new ContractViolation('OVERSIZED', 'record of 2 MiB'))).toEqual({
      class: 'permanent',
      code: 'OVERSIZED',
      reason: 'record of 2 MiB',
    });
    expect(classifyFailure(new DomainException('UNKNOWN_COMPANY', 'NOT_FOUND', 'company c-1')).code).toBe(
      'UNKNOWN_COMPANY',
    );
  });

  it('should give a store rejection the STORE_REJECTED code and the store message', () => {
    expect(classifyFailure(withCode('unsupported Unicode escape sequence', '22P05'))).toEqual({
      class: 'permanent',
      code: 'STORE_REJECTED',
      reason: 'unsupported Unicode escape sequence',
    });
  });

  it('should give an unrecognised failure the RETRIES_EXHAUSTED code for when its attempts run out', () => {
    expect(classifyFailure(new RangeError('Invalid array length')).code).toBe('RETRIES_EXHAUSTED');
  });
});
