import { DeadLettersUsageError, parseDeadLettersArgs } from './dead-letters.args';

const ID = 'graph.dead-letter.v1:3:120';

describe(parseDeadLettersArgs.name, () => {
  it('should list ingestion when given only the first form of the tool', () => {
    expect(parseDeadLettersArgs(['--code', 'EVENT_ID_CONFLICT'])).toEqual({
      kind: 'list',
      service: 'ingestion',
      filter: { code: 'EVENT_ID_CONFLICT', reason: undefined, limit: 20 },
    });
  });

  it('should read a service, code, reason and limit when listing', () => {
    expect(
      parseDeadLettersArgs(['list', '--service', 'graph', '--reason', 'region', '--limit', '5', '--code', 'X_Y']),
    ).toEqual({ kind: 'list', service: 'graph', filter: { code: 'X_Y', reason: 'region', limit: 5 } });
  });

  it('should take an id, or a service and a code, when replaying', () => {
    expect(parseDeadLettersArgs(['replay', ID, '--force'])).toEqual({
      kind: 'replay-one',
      id: ID,
      force: true,
      dryRun: false,
    });
    expect(parseDeadLettersArgs(['replay', '--service', 'review', '--code', 'SCHEMA_VIOLATION', '--dry-run'])).toEqual({
      kind: 'replay-many',
      service: 'review',
      filter: { code: 'SCHEMA_VIOLATION', reason: undefined, limit: 20 },
      force: false,
      dryRun: true,
    });
  });

  it.each([
    [['list', '--service', 'billing'], '--service: must be one of ingestion, graph, inference, review'],
    [['list'], '--service: must be one of ingestion, graph, inference, review'],
    [['show', 'nonsense'], '<id>: a dead-letter id is <dead-letter-topic>:<partition>:<offset>'],
    [['replay', '--service', 'graph'], '--code: '],
    [['replay', ID, '--code', 'X'], 'replay takes either an <id> or --service with --code, not both'],
    [['list', '--service', 'graph', '--limit', '0'], '--limit: '],
    [['list', '--service', 'graph', '--code', 'lower'], '--code: a reason code such as SCHEMA_VIOLATION'],
    [['purge'], "unknown command 'purge'"],
  ])('should reject %j with a one-line reason', (argv, message) => {
    expect(() => parseDeadLettersArgs(argv)).toThrow(DeadLettersUsageError);
    expect(() => parseDeadLettersArgs(argv)).toThrow(message);
  });
});
