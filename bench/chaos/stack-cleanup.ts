import type { ChaosInfra } from './chaos-infra';
import type { ChaosStack } from './chaos-stack';

/**
 * Stops what a run started (services, proxies, its own Kafka and Neo4j), also on Ctrl-C or
 * SIGTERM. Returns the cleanup, safe to call more than once, for the run's own `finally`.
 */
export function cleanupOnExit(stack: ChaosStack, infra: ChaosInfra, log: (line: string) => void): () => Promise<void> {
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> => {
    cleaning ??= (async () => {
      log('stopping services, proxies and the run infrastructure');
      await stack.stop().catch((e: unknown) => log(`stopping the stack: ${String(e)}`));
      await infra.down().catch((e: unknown) => log(`stopping the infrastructure: ${String(e)}`));
    })();
    return cleaning;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  return cleanup;
}
