import { Logger } from '@nestjs/common';

import { MaskingTypeOrmLogger, redactPgMessage } from './masking-typeorm.logger';

describe(redactPgMessage.name, () => {
  it('should withhold the value PostgreSQL quotes and keep the rest of the message', () => {
    expect(redactPgMessage('invalid input syntax for type uuid: "Jane Doe"')).toBe(
      'invalid input syntax for type uuid: [withheld]',
    );
    expect(redactPgMessage('Key (national_id)=(AB123456C) already exists.')).toBe(
      'Key (national_id)=[withheld] already exists.',
    );
    expect(redactPgMessage('relation "review.users" does not exist')).toBe('relation "review.users" does not exist');
  });
});

describe(MaskingTypeOrmLogger.name, () => {
  afterEach(() => jest.restoreAllMocks());

  it('should log a failed query without its parameter values or the error detail', () => {
    const logged: unknown[] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((m: unknown) => {
      logged.push(m);
    });
    const error = Object.assign(new Error('duplicate key value violates unique constraint "persons_pkey"'), {
      code: '23505',
      detail: 'Key (national_id)=(AB123456C) already exists.',
    });
    new MaskingTypeOrmLogger().logQueryError(error, 'INSERT INTO persons (full_name, national_id) VALUES ($1, $2)', [
      'Jane Doe',
      'AB123456C',
    ]);
    const line = JSON.stringify(logged);
    expect(line).not.toContain('Jane Doe');
    expect(line).not.toContain('AB123456C');
    expect(logged[0]).toMatchObject({ msg: 'query failed', code: '23505', parameters: '2 withheld' });
    expect(line).toContain('persons_pkey');
  });

  it('should count named parameters without logging their values', () => {
    const logged: unknown[] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((m: unknown) => {
      logged.push(m);
    });
    new MaskingTypeOrmLogger().logQueryError('boom', 'SELECT :name', { name: 'Jane Doe', nationalId: 'AB123456C' });
    expect(JSON.stringify(logged)).not.toContain('Jane Doe');
    expect(logged[0]).toMatchObject({ msg: 'query failed', parameters: '2 withheld' });
  });
});
