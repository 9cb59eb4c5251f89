import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';

import type { EventSink, OutRecord } from './event-sink';

/** Writes `backlog.jsonl` and `live.jsonl` (one event value per line) into a directory. */
export class JsonlFileSink implements EventSink {
  private readonly streams = new Map<string, WriteStream>();

  constructor(private readonly dir: string) {}

  open(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    return Promise.resolve();
  }

  async write(stream: 'backlog' | 'live', records: readonly OutRecord[]): Promise<void> {
    const out = this.stream(stream);
    if (!out.write(records.map((r) => `${r.value}\n`).join(''))) {
      await once(out, 'drain');
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.streams.values()].map((s) => new Promise<void>((resolve) => s.end(resolve))));
  }

  private stream(name: string): WriteStream {
    let s = this.streams.get(name);
    if (!s) {
      s = createWriteStream(join(this.dir, `${name}.jsonl`));
      this.streams.set(name, s);
    }
    return s;
  }
}
