import type { ReactNode } from 'react';

import type { CaseRecord } from '../api/cases.api';
import { money, when } from '../ui/format';

function Rows({ rows }: { rows: [string, ReactNode, string?][] }) {
  return (
    <dl>
      {rows.map(([term, value, testid]) => (
        <div key={term} className="dl-row">
          <dt>{term}</dt>
          <dd data-testid={testid}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Sla({ c }: { c: CaseRecord }) {
  return (
    <>
      {when(c.slaDeadline)} {c.slaBreached && <span className="pill bad">breached</span>}
    </>
  );
}

/** The application and its company; an application that never became complete says what never arrived. */
export function ApplicationCard({ c }: { c: CaseRecord }) {
  const s = c.snapshot;
  const a = s.application;
  const terms: [string, ReactNode][] = [
    ['Amount', `${money(a.amount)} over ${a.termMonths} months`],
    ['Purpose', a.purpose],
    ['Submitted', when(a.submittedAt)],
  ];
  const guarantors = s.guarantors.map((g) => `${g.kind} ${g.id}`).join(', ') || 'none';
  if (!s.company || !s.history) {
    return (
      <div className="card">
        <h2>Application (incomplete)</h2>
        <Rows
          rows={[
            ...terms,
            ['Company', `${a.companyId} · data never arrived from core banking`],
            ['Missing', (s.incomplete?.missing ?? []).join(', '), 'missing'],
            ['Waited', s.incomplete ? `${when(s.incomplete.parkedAt)} → ${when(s.incomplete.expiredAt)}` : ''],
            ['Guarantors', guarantors],
            ['SLA deadline', <Sla key="sla" c={c} />],
          ]}
        />
      </div>
    );
  }
  const co = s.company;
  const h = s.history;
  return (
    <div className="card">
      <h2>Application and company</h2>
      <Rows
        rows={[
          ...terms,
          ['Company', `${co.companyId} · ${co.legalForm} · ${co.industryCode} · ${co.region}`],
          ['Registered', co.registeredAt],
          ['Employees', co.employees],
          ['Revenue', money(co.annualRevenue)],
          ['Assets / liabilities', `${money(co.financials.totalAssets)} / ${money(co.financials.totalLiabilities)}`],
          ['Net profit', money(co.financials.netProfit)],
          [
            'History',
            `${h.priorLoans} loans, ${h.priorDefaults} defaults, ${h.missedPayments12m} missed (12m), ${h.activePublicRecords} public records`,
          ],
          ['Guarantors', guarantors],
          ['SLA deadline', <Sla key="sla" c={c} />],
        ]}
      />
    </div>
  );
}
