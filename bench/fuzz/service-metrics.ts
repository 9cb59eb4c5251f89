import { localServiceHeaders } from '@loanmesh/service-auth';

/** One sample of a Prometheus text exposition: name, labels, value. */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses Prometheus text format (comments skipped). */
export function parseMetrics(text: string): MetricSample[] {
  return text.split('\n').flatMap((line) => {
    const m = LINE.exec(line.trim());
    if (!m || line.startsWith('#')) {
      return [];
    }
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(LABEL)) {
      labels[l[1]] = l[2];
    }
    return [{ name: m[1], labels, value: Number(m[3]) }];
  });
}

/** `loanmesh_inbound_records_total` of one topic by outcome (processed, skipped, duplicate, dead-lettered, retried). */
export function inboundOutcomes(samples: readonly MetricSample[], topic: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) {
    if (s.name === 'loanmesh_inbound_records_total' && s.labels.topic === topic) {
      out[s.labels.outcome] = (out[s.labels.outcome] ?? 0) + s.value;
    }
  }
  return out;
}

/** `audience`: the service behind `baseUrl`; `/metrics` needs a credential for it (or the metrics token). */
export async function scrapeMetrics(
  baseUrl: string,
  audience: string,
  timeoutMs = 5000,
): Promise<MetricSample[] | undefined> {
  try {
    const res = await fetch(`${baseUrl}/metrics`, {
      headers: localServiceHeaders(audience),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res.ok ? parseMetrics(await res.text()) : undefined;
  } catch {
    return undefined;
  }
}
