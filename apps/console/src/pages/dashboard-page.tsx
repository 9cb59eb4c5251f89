import { dashboard } from '../api/dashboard.api';
import { useI18n } from '../i18n/i18n';
import { useState } from 'react';

import { type DashboardSummary, WINDOW_HOURS, type WindowHours } from '../api/dashboard.types';
import { LoadedView } from '../ui/loaded-view';
import { money, pct, when } from '../ui/format';
import { useLoad } from '../ui/use-load';
import { DashboardCharts } from './dashboard-charts';

function ParkedCard({ p }: { p: DashboardSummary['parked'] }) {
  return (
    <div className="card" data-testid="parked">
      <h2>Waiting for core banking</h2>
      <p data-testid="parked-summary">
        {p.available
          ? `Parked applications: ${p.waiting} waiting (oldest ${Math.floor(p.oldestWaitingSeconds / 60)} min), ${p.expiredAnnounced} expired to officers`
          : 'Parked applications: unavailable (ingestion did not answer)'}
      </p>
      <p className="muted">
        Applications whose company has not arrived from core banking wait in ingestion; past the timeout they come to
        the queue as MISSING_COMPANY_DATA
        {p.available && p.expired > p.expiredAnnounced
          ? ` (${p.expired - p.expiredAnnounced} more expired as history, outside the decision window)`
          : ''}
        .
      </p>
    </div>
  );
}

function Figures({ d }: { d: DashboardSummary }) {
  const t = d.timeToDecisionMs;
  const ms = (v: number | null): string => (v === null ? 'n/a' : `${money(Math.round(v))} ms`);
  return (
    <div className="card figures" data-testid="automation">
      <h2>Automation and speed</h2>
      <dl>
        <div className="dl-row">
          <dt>Automation rate</dt>
          <dd data-testid="automation-rate">{d.automationRate === null ? 'n/a' : pct(d.automationRate)}</dd>
        </div>
        <div className="dl-row">
          <dt>Time to decision p50</dt>
          <dd data-testid="ttd-p50">{ms(t.p50)}</dd>
        </div>
        <div className="dl-row">
          <dt>p95 / p99</dt>
          <dd data-testid="ttd-p95-p99">
            {ms(t.p95)} / {ms(t.p99)}
          </dd>
        </div>
      </dl>
      <p className="muted">
        Application event → decision event, over {t.sample} live automatic approvals and declines (the scope of
        bench/results/time-to-decision.json); target 1 s.
      </p>
    </div>
  );
}

const RANGE_LABEL: Record<WindowHours, string> = {
  1: 'last hour',
  6: 'last 6 hours',
  24: 'last 24 hours',
  168: 'last 7 days',
};

function RangePicker({ hours, onChange }: { hours: WindowHours; onChange: (h: WindowHours) => void }) {
  const { t } = useI18n();
  return (
    <p>
      <label htmlFor="dashboard-range">{t('dashboard.range')} </label>
      <select
        id="dashboard-range"
        data-testid="dashboard-range"
        className="auto-width"
        value={hours}
        onChange={(e) => onChange(Number(e.target.value) as WindowHours)}
      >
        {WINDOW_HOURS.map((h) => (
          <option key={h} value={h}>
            {RANGE_LABEL[h]}
          </option>
        ))}
      </select>
    </p>
  );
}

export function DashboardPage() {
  const [hours, setHours] = useState<WindowHours>(24);
  const [loaded] = useLoad(() => dashboard(hours), String(hours));
  return (
    <LoadedView loaded={loaded}>
      {(d) => (
        <>
          <h1>Dashboard</h1>
          <RangePicker hours={hours} onChange={setHours} />
          <p className="muted" data-testid="live-rule">
            Live applications only: those submitted since {when(d.window.from)}. Backlog and history decided in the
            window (submitted before it) are left out, so their age never counts as time to decision.
          </p>
          <div className="grid">
            <Figures d={d} />
            <ParkedCard p={d.parked} />
          </div>
          <DashboardCharts d={d} />
        </>
      )}
    </LoadedView>
  );
}
