import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface CorrelationStore {
  correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationStore>();

/** Carries the correlation id of the event or request being handled through async calls. */
export const CorrelationContext = {
  run<T>(correlationId: string | undefined, fn: () => T): T {
    return storage.run({ correlationId: correlationId ?? randomUUID() }, fn);
  },
  current(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};
