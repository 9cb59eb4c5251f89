export * from './dead-letter-id';
export * from './stored-dead-letter';
export * from './topic-scan';
export * from './dead-letter-replay.ledger';
export * from './dead-letter-tool.exception';
export * from './dead-letter-ops.service';
export * from './dead-letter.render';
export * from './cli/dead-letters.command';
