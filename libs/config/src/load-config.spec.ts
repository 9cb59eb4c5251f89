import { z } from 'zod';

import { databaseConfig, httpConfig, kafkaConfig } from './config.schemas';
import { ConfigValidationError, loadConfig } from './load-config';

describe(loadConfig.name, () => {
  const shape = { ...httpConfig, ...kafkaConfig, ...databaseConfig };
  const good = {
    HTTP_PORT: '3001',
    SERVICE_NAME: 'ingestion',
    KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
    KAFKA_CLIENT_ID: 'ingestion',
    KAFKA_GROUP_ID: 'ingestion',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/loanmesh',
  };

  it('should return typed values when every variable is valid', () => {
    const config = loadConfig(shape, good);
    expect(config.HTTP_PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.DATABASE_POOL_SIZE).toBe(10);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('should name the missing variable when one is absent', () => {
    const { DATABASE_URL: _omit, ...env } = good;
    expect(() => loadConfig(shape, env)).toThrow('DATABASE_URL is missing');
  });

  it('should name each malformed variable when several are bad', () => {
    try {
      loadConfig(shape, { ...good, HTTP_PORT: 'eighty', KAFKA_BROKERS: 'nohostport' });
      throw new Error('expected a ConfigValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigValidationError);
      const problems = (e as ConfigValidationError).problems.join('\n');
      expect(problems).toMatch(/HTTP_PORT/);
      expect(problems).toMatch(/KAFKA_BROKERS/);
    }
  });

  it('should reject a non-postgres database url when given mysql', () => {
    expect(() => loadConfig({ DATABASE_URL: databaseConfig.DATABASE_URL }, { DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
  });

  it('should accept an extra schema field when an app adds its own', () => {
    const config = loadConfig({ ...httpConfig, FOO: z.coerce.number() }, { ...good, FOO: '7' });
    expect(config.FOO).toBe(7);
  });
});
