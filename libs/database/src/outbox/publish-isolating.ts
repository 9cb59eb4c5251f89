import { classifyFailure } from '@loanmesh/observability';

import type { OutboxPublisher, RelayedMessage } from './outbox-publisher';

/**
 * Publishes a claimed batch; resolves to the rows published (a prefix, or all but the ones set
 * aside). The broker away: throws, so nothing is marked and the round is retried after the
 * backoff. Kafka refusing something for good (e.g. a record larger than it accepts): publishes
 * row by row in order, hands each row refused for good to `setAside` with the broker's reason
 * and goes on, so one row never blocks the rows behind it; stops at a row the publisher holds
 * back or at a transient failure.
 */
export async function publishIsolating(
  publisher: OutboxPublisher,
  batch: readonly RelayedMessage[],
  setAside: (row: RelayedMessage, reason: string) => Promise<void>,
): Promise<RelayedMessage[]> {
  try {
    return prefix(batch, await publisher.publish(batch));
  } catch (e) {
    if (classifyFailure(e).class !== 'permanent') {
      throw e;
    }
  }
  const published: RelayedMessage[] = [];
  for (const row of batch) {
    try {
      if (prefix([row], await publisher.publish([row])).length === 0) {
        break;
      }
      published.push(row);
    } catch (e) {
      const failure = classifyFailure(e);
      if (failure.class !== 'permanent') {
        break;
      }
      await setAside(row, failure.reason);
    }
  }
  return published;
}

/** The rows a publisher took: all when it does not say, else the first `count`. */
function prefix(batch: readonly RelayedMessage[], count: number | void): RelayedMessage[] {
  return batch.slice(0, Math.max(0, Math.min(count ?? batch.length, batch.length)));
}
