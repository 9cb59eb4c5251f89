import { writeFileSync } from 'node:fs';

import { Presets, SingleBar } from 'cli-progress';

import { coreBankingKey, type CoreBankingEvent } from '@loanmesh/contracts';
import {
  BacklogEventSource,
  entityCounts,
  liveApplications,
  WorldGeneratorService,
  worldOptions,
  writeHistoryFiles,
  type GeneratedWorld,
} from '@loanmesh/world';

import { shiftApplicationAmount } from '../faults/distribution-shift';
import { FaultInjector } from '../faults/fault-injector';
import type { EventSink, OutRecord } from '../publishing/event-sink';
import type { FeedOptions } from './feed.options';
import { formatSummary, phase, type FeedSummary, type PhaseSummary } from './feed-summary';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One feed run: generate, optionally write history, publish the backlog, then stream live applications. */
export class FeedRunnerService {
  private readonly eventsByType: Record<string, number> = {};
  private readonly faults: FaultInjector;

  constructor(
    private readonly options: FeedOptions,
    private readonly sink: EventSink,
    private readonly log: (line: string) => void = console.log,
  ) {
    this.faults = new FaultInjector(options.faults, options.seed);
  }

  async run(): Promise<FeedSummary> {
    const started = performance.now();
    const generated = new WorldGeneratorService().generate(worldOptions(this.options.seed, this.options.scale));
    const generateSeconds = Math.round((performance.now() - started) / 10) / 100;
    const history = this.options.history ? await writeHistoryFiles(generated, this.options.history) : undefined;
    await this.sink.open();
    let backlog: PhaseSummary;
    let live: PhaseSummary;
    try {
      backlog = this.options.backlog ? await this.publishBacklog(generated) : phase(0, 0, performance.now());
      live = await this.streamLive(generated);
    } finally {
      await this.sink.close();
    }
    const summary: FeedSummary = {
      seed: this.options.seed,
      scale: this.options.scale,
      mode: this.options.out ? 'files' : 'kafka',
      generateSeconds,
      entities: entityCounts(generated.world),
      backlog,
      live,
      eventsByType: this.eventsByType,
      ...(history ? { history } : {}),
      ...(this.options.faults > 0 ? { faults: this.faults.report } : {}),
    };
    this.log(formatSummary(summary));
    if (this.options.summary) {
      writeFileSync(this.options.summary, `${JSON.stringify(summary, null, 2)}\n`);
    }
    return summary;
  }

  private producedAt(): ((occurredAt: string) => string) | undefined {
    // Files are byte-identical for a seed; Kafka records carry the real publication time.
    return this.options.out ? undefined : () => new Date().toISOString();
  }

  private async publishBacklog(generated: GeneratedWorld): Promise<PhaseSummary> {
    const source = new BacklogEventSource(generated.world, { producedAt: this.producedAt() });
    const bar = this.bar(source.length, 'backlog');
    const started = performance.now();
    let batch: OutRecord[] = [];
    let events = 0;
    let records = 0;
    for (const event of source.events()) {
      this.add(event, batch);
      events++;
      if (batch.length >= this.options.batchSize) {
        records += batch.length;
        await this.sink.write('backlog', batch);
        batch = [];
        bar?.update(events);
      }
    }
    this.faults.flush(batch);
    records += batch.length;
    await this.sink.write('backlog', batch);
    bar?.update(events);
    bar?.stop();
    return phase(events, records, started);
  }

  private add(event: CoreBankingEvent, out: OutRecord[]): void {
    this.eventsByType[event.type] = (this.eventsByType[event.type] ?? 0) + 1;
    this.faults.push({ key: coreBankingKey(event), value: JSON.stringify(event) }, event.eventId, out);
  }

  private liveTarget(): number {
    const { count, durationSeconds, rate } = this.options;
    return count ?? Math.round((durationSeconds ?? 0) * rate);
  }

  private async streamLive(generated: GeneratedWorld): Promise<PhaseSummary> {
    const target = this.liveTarget();
    const started = performance.now();
    if (target <= 0) {
      return phase(0, 0, started);
    }
    const files = this.options.out !== undefined;
    const clockStart = files ? generated.world.nowDay * 86_400_000 : Date.now();
    const at = files
      ? (i: number) => new Date(clockStart + Math.floor((i * 1000) / this.options.rate)).toISOString()
      : () => new Date().toISOString();
    const source = shifted(
      liveApplications(generated.world, at, this.producedAt(), this.options.liveRun),
      this.options.shiftAmount ?? 1,
    );
    const bar = this.bar(target, 'live');
    const records = files
      ? await this.liveToFiles(source, target)
      : await this.liveToKafka(source, target, started, bar);
    bar?.update(target);
    bar?.stop();
    return phase(target, records, started);
  }

  private async liveToFiles(source: Generator<CoreBankingEvent>, target: number): Promise<number> {
    const batch: OutRecord[] = [];
    for (let i = 0; i < target; i++) {
      this.add(source.next().value as CoreBankingEvent, batch);
    }
    this.faults.flush(batch);
    await this.sink.write('live', batch);
    return batch.length;
  }

  /** Paces the stream to `rate` per second with 50 ms ticks; each tick sends what is due. */
  private async liveToKafka(
    source: Generator<CoreBankingEvent>,
    target: number,
    started: number,
    bar?: SingleBar,
  ): Promise<number> {
    let sent = 0;
    let records = 0;
    while (sent < target) {
      const due = Math.min(target, Math.floor(((performance.now() - started) / 1000) * this.options.rate) + 1);
      const batch: OutRecord[] = [];
      for (; sent < due; sent++) {
        this.add(source.next().value as CoreBankingEvent, batch);
      }
      if (sent >= target) {
        this.faults.flush(batch);
      }
      records += batch.length;
      await this.sink.write('live', batch);
      bar?.update(sent);
      if (sent < target) {
        await sleep(50);
      }
    }
    return records;
  }

  private bar(total: number, label: string): SingleBar | undefined {
    if (!this.options.progress) {
      return undefined;
    }
    const bar = new SingleBar(
      {
        format: `${label.padEnd(8)} [{bar}] {percentage}% {value}/{total} events | {duration}s`,
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return bar;
  }
}

/** The live stream with the requested population shift applied (drift monitoring tests). */
function* shifted(source: Generator<CoreBankingEvent>, factor: number): Generator<CoreBankingEvent> {
  for (const event of source) {
    yield shiftApplicationAmount(event, factor);
  }
}
