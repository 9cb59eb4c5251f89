import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * `npm run bench` runs every `bench/*.bench.ts` against the local stack, one after the
 * other; `npm run bench -- <name>` runs one. Each writes bench/results/<name>.json itself.
 */
interface BenchModule {
  run(): Promise<unknown>;
}

function discover(): string[] {
  return readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => basename(f, '.bench.ts'))
    .sort();
}

async function main(): Promise<void> {
  const all = discover();
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${all.join(', ')}`);
    process.exit(2);
  }
  const failures: string[] = [];
  for (const name of wanted.length > 0 ? wanted : all) {
    console.log(`\n=== bench ${name}`);
    const started = Date.now();
    try {
      const mod = (await import(join(__dirname, `${name}.bench.ts`))) as BenchModule;
      await mod.run();
      console.log(`=== ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s (bench/results/${name}.json)`);
    } catch (e) {
      failures.push(name);
      console.error(`=== ${name} FAILED: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failures.length > 0) {
    console.error(`failed: ${failures.join(', ')}`);
    process.exit(1);
  }
}

void main();
