import { readFileSync } from 'node:fs';

import { Client } from 'pg';

import { createTestDatabase, startServiceProcess, waitUntilReady } from '@loanmesh/testing';

import { addReviewUser } from '../apps/review/src/testing/review-user.factory';
import { scoredEvent } from '../apps/review/src/testing/scored-event.factory';
import { benchMetric, writeBenchResult } from './bench-result';

/**
 * The signed audit bundle of 1,000,000 decisions, streamed by a review service process
 * with the production heap cap (192 MiB) from a fresh database: seconds, decisions per
 * second, bundle size and the process's peak resident memory (VmHWM) against 300 MB.
 * Rows are bulk-inserted with realistic content (an automatic decision with its scored
 * application, ~2.5 KB of JSON); their hashes are placeholders, as streaming does not check them.
 */
const DECISIONS = 1_000_000;
const INSERT_CHUNK = 100_000;
const PORT = 3994;
const HEAP_MIB = 192;

function decisionContent(): Record<string, unknown> {
  const scored = scoredEvent().payload;
  return {
    kind: 'AUTOMATIC',
    eventId: '00000000-0000-4000-8000-000000000000',
    applicationId: 'APP',
    companyId: scored.company.companyId,
    outcome: 'APPROVED',
    policyVersion: 1,
    modelVersion: scored.champion.modelVersion,
    modelSha256: scored.champion.modelSha256,
    probabilityOfDefault: scored.champion.probabilityOfDefault,
    riskGrade: scored.champion.riskGrade,
    modelRecommendation: 'AUTO_APPROVE',
    ruleHits: [],
    principalReasons: [],
    fourEyes: { required: false, reasons: [] },
    hops: scored.hops,
    scored,
  };
}

async function fill(url: string): Promise<number> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const content = JSON.stringify(decisionContent());
    for (let from = 1; from <= DECISIONS; from += INSERT_CHUNK) {
      const to = Math.min(DECISIONS, from + INSERT_CHUNK - 1);
      await db.query(
        `INSERT INTO review.decisions (seq, id, application_id, company_id, outcome, automatic, decided_by, decided_at, content, previous_hash, hash)
         SELECT g, gen_random_uuid(), 'app-' || g, 'co-' || (g % 20000), 'APPROVED', true, 'policy',
                now() - make_interval(secs => $3::int - g), jsonb_set($4::jsonb, '{applicationId}', to_jsonb('app-' || g)),
                md5((g - 1)::text) || md5((g - 1)::text), md5(g::text) || md5(g::text)
         FROM generate_series($1::int, $2::int) AS g`,
        [from, to, DECISIONS, content],
      );
      process.stdout.write(`\r[audit-export] ${to} decisions inserted`);
    }
    console.log('');
    const [{ bytes }] = (await db.query(`SELECT pg_total_relation_size('review.decisions')::bigint AS bytes`)).rows as {
      bytes: string;
    }[];
    return Number(bytes);
  } finally {
    await db.end();
  }
}

function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function streamBundle(
  token: string,
  pid: number,
): Promise<{ bytes: number; lines: number; seconds: number; peakMiB: number }> {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${PORT}/audit/bundle`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) {
    throw new Error(`GET /audit/bundle answered ${res.status}`);
  }
  let bytes = 0;
  let lines = 0;
  let peakMiB = 0;
  const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, memoryOf(pid).rss)), 200);
  try {
    for await (const raw of res.body) {
      const chunk = raw as Uint8Array;
      bytes += chunk.length;
      for (const b of chunk) {
        lines += b === 10 ? 1 : 0;
      }
    }
  } finally {
    clearInterval(sampler);
  }
  return { bytes, lines, seconds: (performance.now() - started) / 1000, peakMiB: Math.max(peakMiB, memoryOf(pid).hwm) };
}

const metric = benchMetric;

export async function run(): Promise<void> {
  const db = await createTestDatabase('loanmesh_bench_audit');
  const service = startServiceProcess(
    'review',
    PORT,
    {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: '127.0.0.1:9092',
      KAFKA_CLIENT_ID: 'bench-audit',
      KAFKA_GROUP_ID: `bench-audit-${Date.now()}`,
      KAFKA_FROM_BEGINNING: 'false',
      LOG_LEVEL: 'warn',
    },
    HEAP_MIB,
  );
  try {
    await waitUntilReady(service);
    const tableBytes = await fill(db.url);
    const login = await fetch(`http://127.0.0.1:${PORT}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin1', password: await addReviewUser(db.url, 'admin1', 'admin') }),
    });
    const { token } = (await login.json()) as { token: string };
    const pid = service.child.pid ?? 0;
    const before = memoryOf(pid).rss;
    const out = await streamBundle(token, pid);
    if (out.lines !== DECISIONS + 2) {
      throw new Error(`bundle held ${out.lines} lines, expected ${DECISIONS + 2}`);
    }
    writeBenchResult('audit-export', {
      decisions: metric(DECISIONS, 'decisions', 1_000_000, 'higher'),
      exportSeconds: metric(Number(out.seconds.toFixed(1)), 's', 600, 'lower'),
      decisionsPerSecond: metric(Math.round(DECISIONS / out.seconds), 'decisions/s', 1_000, 'higher'),
      peakRssMiB: metric(Math.round(out.peakMiB), 'MiB', 286, 'lower'),
      rssBeforeMiB: metric(Math.round(before), 'MiB', 286, 'lower'),
    });
    console.log(
      `[audit-export] bundle ${Math.round(out.bytes / 2 ** 20)} MiB from a ${Math.round(tableBytes / 2 ** 20)} MiB ledger table`,
    );
  } finally {
    await service.stop();
    await db.drop();
  }
}

if (require.main === module || process.argv[1]?.endsWith('audit-export.bench.ts')) {
  void run();
}
