import type { Message, TopicMessages } from 'kafkajs';

/** Sends one produce request for several topics' messages (the producer's `sendBatch`). */
export type SendTopicMessages = (topicMessages: TopicMessages[]) => Promise<unknown>;

interface PendingSend {
  topic: string;
  messages: Message[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Joins the sends that callers start in the same event-loop turn into one produce request.
 * Serving an application publishes one record; with several applications in flight that
 * was one request each, and every request costs the broker and the client more than the
 * record does. Each caller still awaits its own acknowledgement. When a joined request
 * fails, each caller's messages are sent again on their own, so a record the broker refuses
 * for good (too large, say) fails only its own caller, with the broker's own error. A joined
 * request that was written in part is then written twice in part: delivery stays
 * at-least-once, as after any failed send a caller retries, and every consumer is idempotent.
 */
export class ProduceCoalescer {
  private pending: PendingSend[] = [];
  private scheduled = false;

  constructor(private readonly send: SendTopicMessages) {}

  submit(topic: string, messages: Message[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ topic, messages, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: callers resumed by the same I/O event (a fetched
        // batch's handlers, concurrent feature workers) all get to submit first.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const sends = this.pending;
    this.pending = [];
    this.scheduled = false;
    if (sends.length === 1) {
      await this.sendAlone(sends[0]);
      return;
    }
    try {
      await this.send(joinByTopic(sends));
      sends.forEach((s) => s.resolve());
    } catch {
      // Which caller's record was refused is unknown: each is retried alone for its own verdict.
      await Promise.all(sends.map((s) => this.sendAlone(s)));
    }
  }

  private async sendAlone(s: PendingSend): Promise<void> {
    try {
      await this.send([{ topic: s.topic, messages: s.messages }]);
      s.resolve();
    } catch (e) {
      s.reject(e);
    }
  }
}

/** One entry per topic, messages in submission order (per partition order is kept). */
function joinByTopic(sends: readonly PendingSend[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const s of sends) {
    const list = byTopic.get(s.topic) ?? [];
    list.push(...s.messages);
    byTopic.set(s.topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
