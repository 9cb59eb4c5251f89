import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('createKafkaClient', () => {
  it('should be the only place in apps, libs, scripts, bench and test that constructs a KafkaJS client', () => {
    // git grep sees exactly the tracked sources; a second constructor would bypass TLS and SASL.
    const hits = execFileSync(
      'git',
      ['grep', '-l', '-E', 'new Kafka\\(', '--', 'apps', 'libs', 'scripts', 'bench', 'test'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((line) => line !== '' && line !== 'libs/kafka/src/kafka-client.factory.spec.ts');
    expect(hits).toEqual(['libs/kafka/src/kafka-client.factory.ts']);
  });
});
