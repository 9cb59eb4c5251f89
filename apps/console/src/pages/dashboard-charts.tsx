import { useMemo } from 'react';

import type { DashboardSummary } from '../api/dashboard.types';
import { type ChartOption, EChart } from '../charts/echart';
import { dateTime } from '../ui/format';

const OUTCOME_COLOR: Record<string, string> = { APPROVED: '#2e7d32', DECLINED: '#c62828', REFERRED: '#8a5300' };
const TARGET_MS = 1000;
const GRID = { left: 70, right: 30, top: 30, bottom: 50 };

const timeLabel = (iso: string, hours: number): string =>
  dateTime(iso, hours > 24 ? { weekday: 'short', hour: '2-digit' } : { hour: '2-digit', minute: '2-digit' });

function latencyOption(d: DashboardSummary): ChartOption {
  const x = d.series.map((p) => timeLabel(p.at, d.window.hours));
  const line = (name: string, key: 'p50' | 'p95' | 'p99', color: string): ChartOption['series'] => ({
    name,
    type: 'line',
    connectNulls: false,
    showSymbol: true,
    symbolSize: 5,
    data: d.series.map((p) => (p[key] === null ? null : Math.round(p[key] ?? 0))),
    itemStyle: { color },
  });
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? 'n/a' : `${String(v)} ms`) },
    legend: { top: 0 },
    grid: GRID,
    xAxis: { type: 'category', data: x, name: 'time', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: 'ms', max: (v) => Math.ceil(Math.max(v.max, TARGET_MS) * 1.15) },
    series: [
      {
        ...(line('p50', 'p50', '#1f6feb') as object),
        markLine: {
          symbol: 'none',
          lineStyle: { color: '#c62828', type: 'dashed' },
          label: { formatter: 'target 1 s', position: 'insideEndTop' },
          data: [{ yAxis: TARGET_MS }],
        },
      },
      line('p95', 'p95', '#8a5300'),
      line('p99', 'p99', '#7b1fa2'),
    ] as ChartOption['series'],
  };
}

function automationOption(d: DashboardSummary): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: GRID,
    xAxis: {
      type: 'category',
      data: d.series.map((p) => timeLabel(p.at, d.window.hours)),
      name: 'time',
      nameLocation: 'middle',
      nameGap: 30,
    },
    yAxis: [
      { type: 'value', name: 'automated %', min: 0, max: 100 },
      { type: 'value', name: 'decisions', minInterval: 1 },
    ],
    series: [
      {
        name: 'decisions',
        type: 'bar',
        yAxisIndex: 1,
        data: d.series.map((p) => p.decisions),
        itemStyle: { color: '#c9d7ee' },
      },
      {
        name: 'automated %',
        type: 'line',
        showSymbol: true,
        symbolSize: 5,
        data: d.series.map((p) => (p.automationRate === null ? null : Math.round(p.automationRate * 1000) / 10)),
        itemStyle: { color: '#1f6feb' },
      },
    ],
  };
}

function horizontalBars(labels: string[], values: number[], colors: string[], axis: string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 200, right: 40, top: 10, bottom: 40 },
    xAxis: { type: 'value', name: axis, nameLocation: 'middle', nameGap: 26, minInterval: 1 },
    yAxis: { type: 'category', data: labels, axisLabel: { width: 190, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: values.map((value, i) => ({ value, itemStyle: { color: colors[i] } })),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

function outcomesOption(d: DashboardSummary): ChartOption {
  return horizontalBars(
    d.outcomes.map((o) => `${o.outcome} (${o.automatic ? 'automatic' : 'officer'})`),
    d.outcomes.map((o) => o.count),
    d.outcomes.map((o) => OUTCOME_COLOR[o.outcome] ?? '#1f6feb'),
    'decisions',
  );
}

function referralsOption(d: DashboardSummary): ChartOption {
  const top = d.referralsByReason.slice(0, 10);
  return horizontalBars(
    top.map((r) => r.code),
    top.map((r) => r.count),
    top.map(() => '#8a5300'),
    'referrals',
  );
}

function casesOption(d: DashboardSummary): ChartOption {
  return horizontalBars(
    ['open', 'awaiting four-eyes', 'decided', 'SLA breached', 'overrides (window)'],
    [d.cases.open, d.cases.awaitingConfirmation, d.cases.decided, d.cases.slaBreached, d.overrides],
    ['#1f6feb', '#8a5300', '#2e7d32', '#c62828', '#7b1fa2'],
    'cases',
  );
}

function Chart({
  title,
  option,
  testid,
  label,
}: {
  title: string;
  option: ChartOption;
  testid: string;
  label: string;
}) {
  return (
    <div className="card">
      <h2>{title}</h2>
      <EChart option={option} testid={testid} label={label} />
    </div>
  );
}

export function DashboardCharts({ d }: { d: DashboardSummary }) {
  const o = useMemo(
    () => ({
      latency: latencyOption(d),
      automation: automationOption(d),
      outcomes: outcomesOption(d),
      referrals: referralsOption(d),
      cases: casesOption(d),
    }),
    [d],
  );
  const bucket = `${d.window.bucketMinutes} min buckets`;
  return (
    <div className="grid">
      <Chart
        title={`Time to decision (${bucket})`}
        option={o.latency}
        testid="chart-latency"
        label="Time to decision p50, p95 and p99 in milliseconds over time, against the 1 second target"
      />
      <Chart
        title={`Automation rate and volume (${bucket})`}
        option={o.automation}
        testid="chart-automation"
        label="Share of automatic decisions needing no officer, and decisions per bucket, over time"
      />
      <Chart
        title="Outcomes"
        option={o.outcomes}
        testid="chart-outcomes"
        label="Live decisions by outcome, automatic and by officers"
      />
      <Chart
        title="Referrals by reason"
        option={o.referrals}
        testid="chart-referrals"
        label="Automatic referrals by the rule that referred them"
      />
      <Chart
        title="Cases and SLA (now)"
        option={o.cases}
        testid="chart-cases"
        label="Open, four-eyes, decided and SLA-breached cases, and overrides in the window"
      />
    </div>
  );
}
