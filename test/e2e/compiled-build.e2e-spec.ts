import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { coreBankingKey, decisionMadeRegistry, type DecisionMadeEvent, parseEvent, Topics } from '@loanmesh/contracts';
import {
  createTestDatabase,
  KafkaTestClient,
  type PipelineServices,
  startPipelineServices,
  type TestDatabase,
  uniqueId,
  waitFor,
} from '@loanmesh/testing';

import { applicationEvent, companyLife } from '../../apps/ingestion/src/testing/core-banking-event.factory';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/**
 * The production build as the image runs it: `npm run build`, then scripts/release.sh lays
 * out dist/, the models and production dependencies only (the Dockerfile's own steps) in a
 * temporary folder; every service boots from there with `node dist/apps/<app>/src/main.js`
 * against the real Kafka, Neo4j and PostgreSQL and an application is decided end to end.
 */
describe('compiled build, production dependencies only', () => {
  const id = uniqueId('rel');
  const release = mkdtempSync(join(tmpdir(), 'loanmesh-release-'));
  const client = new KafkaTestClient();
  let db: TestDatabase;
  let stack: PipelineServices | undefined;
  let decisions: { value: Buffer | null }[];

  beforeAll(async () => {
    await run('bash', ['scripts/build.sh'], { cwd: ROOT, maxBuffer: 16 << 20 });
    await run('bash', ['scripts/release.sh', release], { cwd: ROOT, maxBuffer: 16 << 20 });
    db = await createTestDatabase();
    stack = await startPipelineServices({
      run: id,
      ports: { ingestion: 4121, graph: 4122, inference: 4123, review: 4124 },
      databaseUrl: db.url,
      kafka: client.kafka,
      launch: { kind: 'release', dir: release },
    });
    decisions = await client.capture([Topics.decisionMade]);
  }, 900_000);

  afterAll(async () => {
    await stack?.stop();
    await client.close();
    await db?.drop();
    rmSync(release, { recursive: true, force: true });
  }, 60_000);

  it('should leave the TypeScript toolchain out of the release', () => {
    for (const dev of ['typescript', 'ts-node', '@swc/core', 'tsconfig-paths', 'jest']) {
      expect({ dev, installed: existsSync(join(release, 'node_modules', dev)) }).toEqual({ dev, installed: false });
    }
    expect(existsSync(join(release, 'node_modules', 'onnxruntime-node'))).toBe(true);
    expect(existsSync(join(release, 'dist', 'apps', 'review', 'src', 'main.js'))).toBe(true);
  });

  it('should decide an application with every service running from the build', async () => {
    const company = `${id}-co`;
    const events = [...companyLife(company), applicationEvent(`${company}-live`, company)];
    await client.produce(
      Topics.coreBankingEvents,
      events.map((e) => ({ key: coreBankingKey(e), value: JSON.stringify(e) })),
    );
    const decided = (applicationId: string): DecisionMadeEvent | undefined =>
      decisions
        .map((d) => parseEvent<DecisionMadeEvent>(d.value, decisionMadeRegistry))
        .find((d) => d.payload.applicationId === applicationId);
    const decision = await waitFor(() => decided(`${company}-live`), 120_000, 'decision from the compiled services');
    expect(['APPROVED', 'DECLINED', 'REFERRED']).toContain(decision.payload.outcome);
    expect(decision.payload.modelVersion).toMatch(/:v\d+$/);
  }, 180_000);

  it('should serve the console from the build', async () => {
    const res = await fetch('http://127.0.0.1:4124/console/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html');
  });
});
