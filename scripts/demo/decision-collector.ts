import { type Consumer, logLevel } from 'kafkajs';

import { plaintextKafkaConnection } from '@loanmesh/config';
import { decisionMadeRegistry, type DecisionMadeEvent, parseEvent, Topics } from '@loanmesh/contracts';
import { createKafkaClient } from '@loanmesh/kafka';

import { type DecisionScope, inScope } from './decision-stats';

/**
 * Collects decision events for applications submitted after `since` (ms) and, if given,
 * accepted by `applications` (e.g. one feed run's ids), keeping the first decision per
 * application (a later human decision on a referred case is separate).
 */
export class DecisionCollector {
  private readonly first = new Map<string, DecisionMadeEvent>();
  /** When each first decision event was produced to Kafka (the record's timestamp, ms). */
  private readonly published = new Map<string, number>();
  private consumer?: Consumer;

  constructor(
    private readonly since: number,
    private readonly brokers: string[] = ['127.0.0.1:9092'],
    private readonly applications: (applicationId: string) => boolean = () => true,
  ) {}

  async start(fromBeginning: boolean): Promise<void> {
    const kafka = createKafkaClient(plaintextKafkaConnection(this.brokers), 'decision-collector', {
      logLevel: logLevel.NOTHING,
    });
    this.consumer = kafka.consumer({
      groupId: `decision-collector-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      maxWaitTimeInMs: 100,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: Topics.decisionMade, fromBeginning });
    let joined = false;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await this.consumer.run({
      eachMessage: ({ message }) => Promise.resolve(this.accept(message.value, Number(message.timestamp))),
    });
    const deadline = Date.now() + 30000;
    while (!joined && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  get decisions(): DecisionMadeEvent[] {
    return [...this.first.values()];
  }

  /** Application event to decision event on Kafka (ms), for the decisions of `scope`. */
  publishLatencies(scope: DecisionScope = 'automated'): number[] {
    return this.decisions
      .filter((e) => inScope(e, scope))
      .map((e) => (this.published.get(e.payload.applicationId) ?? NaN) - (e.payload.hops.submittedAt ?? NaN))
      .filter((ms) => Number.isFinite(ms))
      .sort((a, b) => a - b);
  }

  /** Resolves when `count` applications have a decision or the timeout passes. */
  async waitFor(count: number, timeoutMs: number, onProgress?: (n: number) => void): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.first.size < count && Date.now() < deadline) {
      onProgress?.(this.first.size);
      await new Promise((r) => setTimeout(r, 500));
    }
    onProgress?.(this.first.size);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private accept(value: Buffer | null, timestamp: number): void {
    try {
      const e = parseEvent<DecisionMadeEvent>(value, decisionMadeRegistry);
      if (
        (e.payload.hops.submittedAt ?? 0) >= this.since &&
        this.applications(e.payload.applicationId) &&
        !this.first.has(e.payload.applicationId)
      ) {
        this.first.set(e.payload.applicationId, e);
        this.published.set(e.payload.applicationId, timestamp);
      }
    } catch {
      // A record this reader cannot parse is the review service's concern, not the summary's.
    }
  }
}
