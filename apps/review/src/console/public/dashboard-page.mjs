import { api } from './api.mjs';
import { barChart, meter } from './charts.mjs';
import { h, pct } from './dom.mjs';

const OUTCOME_COLOR = { APPROVED: '#2e7d32', DECLINED: '#c62828', REFERRED: '#b26a00' };

export async function renderDashboard(main) {
  const d = await api('/dashboard');
  const outcomes = d.outcomes.map((o) => ({
    label: `${o.outcome.slice(0, 4)} ${o.automatic ? 'auto' : 'human'}`,
    value: o.count,
    color: OUTCOME_COLOR[o.outcome],
  }));
  const hourly = d.hourly.map((x) => ({ label: x.hour.slice(11, 13), value: x.count }));
  const t = d.timeToDecisionMs;
  main.replaceChildren(
    h('h1', {}, 'Dashboard'),
    h(
      'div',
      { class: 'grid' },
      h('div', { class: 'card' }, h('h2', {}, 'Outcomes'), barChart(outcomes, { testid: 'chart-outcomes' })),
      h(
        'div',
        { class: 'card' },
        h('h2', {}, 'Decisions per hour (last 24 h)'),
        barChart(hourly, { testid: 'chart-volume' }),
      ),
      h(
        'div',
        { class: 'card', 'data-testid': 'automation' },
        h('h2', {}, 'Automation and speed'),
        meter('Automation rate', d.automationRate === null ? null : pct(d.automationRate), 1, '', 'automation-rate'),
        barChart(
          [
            { label: 'p50', value: t.p50 ?? 0 },
            { label: 'p95', value: t.p95 ?? 0 },
            { label: 'p99', value: t.p99 ?? 0 },
          ],
          { testid: 'chart-latency', height: 150 },
        ),
        h(
          'p',
          { class: 'muted' },
          `Time to decision in ms, application submitted → decided, ${t.sample} automatic decisions on a score.`,
        ),
      ),
      h(
        'div',
        { class: 'card' },
        h('h2', {}, 'Cases and SLA'),
        barChart(
          [
            { label: 'open', value: d.cases.open },
            { label: '4-eyes', value: d.cases.awaitingConfirmation },
            { label: 'decided', value: d.cases.decided },
            { label: 'SLA breach', value: d.cases.slaBreached, color: '#c62828' },
            { label: 'overrides', value: d.overrides, color: '#7b1fa2' },
          ],
          { testid: 'chart-cases' },
        ),
      ),
      parkedCard(d.parked),
    ),
  );
}

/** Applications ingestion holds back for their company, and those it gave up on and sent to officers. */
function parkedCard(p) {
  const text = p?.available
    ? `Parked applications: ${p.waiting} waiting (oldest ${Math.floor(p.oldestWaitingSeconds / 60)} min), ${p.expiredAnnounced} expired to officers`
    : 'Parked applications: unavailable (ingestion did not answer)';
  return h(
    'div',
    { class: 'card', 'data-testid': 'parked' },
    h('h2', {}, 'Waiting for core banking'),
    h('p', { 'data-testid': 'parked-summary' }, text),
    h(
      'p',
      { class: 'muted' },
      `Applications whose company has not arrived from core banking wait in ingestion; past the timeout they come to the queue as MISSING_COMPANY_DATA${p?.available && p.expired > p.expiredAnnounced ? ` (${p.expired - p.expiredAnnounced} more expired as history, outside the decision window)` : ''}.`,
    ),
  );
}
