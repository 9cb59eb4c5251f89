import { useMemo } from 'react';

import type { DashboardSummary } from '../api/dashboard.types';
import { type ChartOption, EChart } from '../charts/echart';

const OUTCOME_COLOR: Record<string, string> = { APPROVED: '#2e7d32', DECLINED: '#c62828', REFERRED: '#b26a00' };
const TARGET_MS = 1000;

function outcomesOption(d: DashboardSummary): ChartOption {
  const labels = d.outcomes.map((o) => `${o.outcome} (${o.automatic ? 'automatic' : 'officer'})`);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 190, right: 30, top: 10, bottom: 40 },
    xAxis: { type: 'value', name: 'decisions', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
    yAxis: { type: 'category', data: labels },
    series: [
      {
        type: 'bar',
        data: d.outcomes.map((o) => ({ value: o.count, itemStyle: { color: OUTCOME_COLOR[o.outcome] ?? '#1f6feb' } })),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

function latencyOption(d: DashboardSummary): ChartOption {
  const t = d.timeToDecisionMs;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)} ms` },
    grid: { left: 70, right: 30, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: ['p50', 'p95', 'p99'], name: 'percentile', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', name: 'ms', max: (v) => Math.max(v.max, TARGET_MS) * 1.1 },
    series: [
      {
        type: 'bar',
        data: [t.p50, t.p95, t.p99].map((v) => Math.round(v ?? 0)),
        itemStyle: { color: '#1f6feb' },
        label: { show: true, position: 'top', formatter: '{c} ms' },
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#c62828', type: 'dashed' },
          label: { formatter: 'target 1 s' },
          data: [{ yAxis: TARGET_MS }],
        },
      },
    ],
  };
}

function volumeOption(d: DashboardSummary): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 30, top: 20, bottom: 50 },
    xAxis: {
      type: 'category',
      data: d.hourly.map((x) => x.hour.slice(11, 16)),
      name: 'hour (UTC)',
      nameLocation: 'middle',
      nameGap: 30,
    },
    yAxis: { type: 'value', name: 'decisions', minInterval: 1 },
    series: [{ type: 'bar', data: d.hourly.map((x) => x.count), itemStyle: { color: '#1f6feb' } }],
  };
}

function casesOption(d: DashboardSummary): ChartOption {
  const bars: [string, number, string][] = [
    ['open', d.cases.open, '#1f6feb'],
    ['four-eyes', d.cases.awaitingConfirmation, '#b26a00'],
    ['decided', d.cases.decided, '#2e7d32'],
    ['SLA breached', d.cases.slaBreached, '#c62828'],
    ['overrides', d.overrides, '#7b1fa2'],
  ];
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 30, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: bars.map((b) => b[0]) },
    yAxis: { type: 'value', name: 'cases', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: bars.map(([, value, color]) => ({ value, itemStyle: { color } })),
        label: { show: true, position: 'top' },
      },
    ],
  };
}

export function DashboardCharts({ d }: { d: DashboardSummary }) {
  const options = useMemo(
    () => ({ outcomes: outcomesOption(d), latency: latencyOption(d), volume: volumeOption(d), cases: casesOption(d) }),
    [d],
  );
  return (
    <div className="grid">
      <div className="card">
        <h2>Outcomes</h2>
        <EChart
          option={options.outcomes}
          testid="chart-outcomes"
          label="Decisions by outcome, automatic and by officers"
        />
      </div>
      <div className="card">
        <h2>Time to decision</h2>
        <EChart
          option={options.latency}
          testid="chart-latency"
          label="Time to decision percentiles in milliseconds against the 1 second target"
        />
      </div>
      <div className="card">
        <h2>Decisions per hour (last 24 h)</h2>
        <EChart option={options.volume} testid="chart-volume" label="Decisions per hour over the last 24 hours" />
      </div>
      <div className="card">
        <h2>Cases and SLA</h2>
        <EChart
          option={options.cases}
          testid="chart-cases"
          label="Open, four-eyes, decided, SLA-breached cases and overrides"
        />
      </div>
    </div>
  );
}
