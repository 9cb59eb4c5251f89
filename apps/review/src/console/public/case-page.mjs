import { api } from './api.mjs';
import { h, money, pct, toast, when } from './dom.mjs';
import { egoGraph } from './ego-graph.mjs';
import { replayCard } from './replay-card.mjs';

const OFFICERS = ['officer', 'senior_officer'];

export async function renderCase(main, id, user) {
  const [detail, reasons] = await Promise.all([api(`/cases/${id}`), api('/cases/reasons')]);
  const c = detail.case;
  const s = c.snapshot;
  const reload = () => renderCase(main, id, user).catch((e) => toast(e.message, true));
  const act = (path, body, message) => async () => {
    try {
      await api(`/cases/${id}/${path}`, { method: 'POST', body });
      toast(message);
      await reload();
    } catch (e) {
      toast(`${e.code}: ${e.message}`, true);
      const err = document.querySelector('[data-testid="action-error"]');
      if (err) err.textContent = `${e.code}: ${e.message}`;
    }
  };
  main.replaceChildren(
    h(
      'h1',
      { 'data-testid': 'case-title' },
      `Case ${c.applicationId} `,
      h('span', { class: 'pill', 'data-testid': 'case-status' }, c.status),
    ),
    h('div', { class: 'grid' }, applicationCard(c, s), scoreCard(s), actionCard(c, user, reasons, act)),
    graphCard(c.applicationId),
    replayCard(c.applicationId, user),
    h('div', { class: 'grid' }, historyCard(detail.history), decisionsCard(detail.decisions)),
  );
}

function applicationCard(c, s) {
  if (!s.company) return incompleteApplicationCard(c, s);
  const f = s.company.financials;
  return h(
    'div',
    { class: 'card' },
    h('h2', {}, 'Application and company'),
    h(
      'dl',
      {},
      h('dt', {}, 'Amount'),
      h('dd', {}, `${money(s.application.amount)} over ${s.application.termMonths} months`),
      h('dt', {}, 'Purpose'),
      h('dd', {}, s.application.purpose),
      h('dt', {}, 'Submitted'),
      h('dd', {}, when(s.application.submittedAt)),
      h('dt', {}, 'Company'),
      h('dd', {}, `${s.company.companyId} · ${s.company.legalForm} · ${s.company.industryCode} · ${s.company.region}`),
      h('dt', {}, 'Registered'),
      h('dd', {}, s.company.registeredAt),
      h('dt', {}, 'Employees'),
      h('dd', {}, s.company.employees),
      h('dt', {}, 'Revenue'),
      h('dd', {}, money(s.company.annualRevenue)),
      h('dt', {}, 'Assets / liabilities'),
      h('dd', {}, `${money(f.totalAssets)} / ${money(f.totalLiabilities)}`),
      h('dt', {}, 'Net profit'),
      h('dd', {}, money(f.netProfit)),
      h('dt', {}, 'History'),
      h(
        'dd',
        {},
        `${s.history.priorLoans} loans, ${s.history.priorDefaults} defaults, ${s.history.missedPayments12m} missed (12m), ${s.history.activePublicRecords} public records`,
      ),
      h('dt', {}, 'Guarantors'),
      h('dd', {}, s.guarantors.map((g) => `${g.kind} ${g.id}`).join(', ') || 'none'),
      h('dt', {}, 'SLA deadline'),
      h('dd', {}, when(c.slaDeadline), c.slaBreached ? h('span', { class: 'pill bad' }, 'breached') : ''),
    ),
  );
}

/** An application that never became complete: its terms, and what never arrived instead of a company. */
function incompleteApplicationCard(c, s) {
  return h(
    'div',
    { class: 'card' },
    h('h2', {}, 'Application (incomplete)'),
    h(
      'dl',
      {},
      h('dt', {}, 'Amount'),
      h('dd', {}, `${money(s.application.amount)} over ${s.application.termMonths} months`),
      h('dt', {}, 'Purpose'),
      h('dd', {}, s.application.purpose),
      h('dt', {}, 'Submitted'),
      h('dd', {}, when(s.application.submittedAt)),
      h('dt', {}, 'Company'),
      h('dd', {}, `${s.application.companyId} · data never arrived from core banking`),
      h('dt', {}, 'Missing'),
      h('dd', { 'data-testid': 'missing' }, (s.incomplete?.missing ?? []).join(', ')),
      h('dt', {}, 'Waited'),
      h('dd', {}, s.incomplete ? `${when(s.incomplete.parkedAt)} → ${when(s.incomplete.expiredAt)}` : ''),
      h('dt', {}, 'Guarantors'),
      h('dd', {}, s.guarantors.map((g) => `${g.kind} ${g.id}`).join(', ') || 'none'),
      h('dt', {}, 'SLA deadline'),
      h('dd', {}, when(c.slaDeadline), c.slaBreached ? h('span', { class: 'pill bad' }, 'breached') : ''),
    ),
  );
}

function ruleHitList(s) {
  return h(
    'ul',
    { 'data-testid': 'rule-hits' },
    s.ruleHits.map((r) =>
      h('li', {}, h('span', { class: `pill ${r.kind === 'GRAPH' ? 'bad' : 'warn'}` }, r.code), ' ', r.text),
    ),
  );
}

function scoreCard(s) {
  if (!s.champion) {
    return h(
      'div',
      { class: 'card', 'data-testid': 'score' },
      h('h2', {}, 'Not scored'),
      h('p', { class: 'muted' }, `Referred without a score, policy v${s.policyVersion}`),
      h('h2', {}, 'Rule hits'),
      ruleHitList(s),
    );
  }
  return h(
    'div',
    { class: 'card', 'data-testid': 'score' },
    h('h2', {}, `Risk grade ${s.champion.riskGrade} · PD ${pct(s.champion.probabilityOfDefault)}`),
    h(
      'p',
      { class: 'muted' },
      `Model ${s.champion.modelVersion} (${s.champion.modelSha256.slice(0, 12)}…), policy v${s.policyVersion}${s.degraded ? ' · DEGRADED: ' + s.degradedReasons.join(', ') : ''}`,
    ),
    h('h2', {}, 'Why the model says so'),
    h(
      'ul',
      { 'data-testid': 'reasons' },
      s.champion.reasons.map((r) => h('li', {}, `${r.text} `, h('span', { class: 'muted' }, reasonTrace(r)))),
    ),
    h('h2', {}, 'Rule hits'),
    ruleHitList(s),
    h('h2', {}, 'Graph explanations'),
    h(
      'ul',
      {},
      s.explanations.map((e) =>
        h('li', {}, h('span', { class: `pill ${e.severity === 'HIGH' ? 'bad' : ''}` }, e.severity), ' ', e.text),
      ),
    ),
  );
}

function actionCard(c, user, reasons, act) {
  const body = h('div', {});
  const mine = c.assignee === user.username;
  const isOfficer = OFFICERS.includes(user.role);
  const fourEyes = h(
    'p',
    { 'data-testid': 'four-eyes' },
    c.fourEyesRequired ? `Four-eyes required: ${c.fourEyesReasons.join('; ')}` : 'Four-eyes not required',
  );
  if (c.status === 'OPEN' && isOfficer) {
    body.append(h('button', { 'data-testid': 'claim', onclick: act('claim', undefined, 'Case claimed') }, 'Claim'));
  }
  if (c.status === 'CLAIMED') {
    body.append(h('p', {}, `Claimed by ${c.assignee}`));
    if (mine)
      body.append(
        decisionForm(reasons, act),
        h(
          'button',
          { class: 'secondary', 'data-testid': 'release', onclick: act('release', undefined, 'Case released') },
          'Release',
        ),
      );
  }
  if (c.status === 'AWAITING_CONFIRMATION' && c.proposal) {
    const p = c.proposal;
    body.append(
      h('p', { 'data-testid': 'proposal' }, `Proposed by ${p.proposedBy}: ${p.outcome} (${p.reasonCode}) — ${p.note}`),
    );
    if (user.role === 'senior_officer') {
      const note = h('textarea', { 'data-testid': 'confirm-note', placeholder: 'Confirmation note' });
      body.append(
        note,
        h(
          'button',
          {
            'data-testid': 'confirm',
            onclick: () => act('confirm', { agree: true, note: note.value || 'Confirmed' }, 'Decision confirmed')(),
          },
          'Confirm',
        ),
        ' ',
        h(
          'button',
          {
            class: 'secondary',
            'data-testid': 'refuse',
            onclick: () => act('confirm', { agree: false, note: note.value || 'Refused' }, 'Sent back')(),
          },
          'Send back',
        ),
      );
    } else {
      body.append(h('p', { class: 'muted' }, 'Waiting for a senior officer other than the proposer to confirm.'));
    }
  }
  if (c.status === 'DECIDED') {
    body.append(h('p', { 'data-testid': 'final-outcome' }, `Decided: ${c.outcome} on ${when(c.decidedAt)}`));
    if (['senior_officer', 'risk_manager'].includes(user.role)) {
      const reason = h('input', { 'data-testid': 'reopen-reason', placeholder: 'Reason to reopen' });
      body.append(
        reason,
        h(
          'button',
          {
            class: 'secondary',
            'data-testid': 'reopen',
            onclick: () => act('reopen', { reason: reason.value }, 'Case reopened')(),
          },
          'Reopen',
        ),
      );
    }
  }
  if ([...OFFICERS, 'risk_manager'].includes(user.role)) {
    const text = h('textarea', { 'data-testid': 'comment-text', placeholder: 'Comment' });
    body.append(
      h('label', {}, 'Comment'),
      text,
      h(
        'button',
        {
          class: 'secondary',
          'data-testid': 'comment',
          onclick: () => act('comments', { text: text.value }, 'Comment added')(),
        },
        'Add comment',
      ),
    );
  }
  return h(
    'div',
    { class: 'card' },
    h('h2', {}, 'Decision'),
    fourEyes,
    body,
    h('p', { class: 'error', 'data-testid': 'action-error' }),
  );
}

function decisionForm(reasons, act) {
  const outcome = h(
    'select',
    { 'data-testid': 'decision-outcome' },
    h('option', { value: 'APPROVED' }, 'Approve'),
    h('option', { value: 'DECLINED' }, 'Decline'),
  );
  const reason = h('select', { 'data-testid': 'decision-reason' });
  const fill = () =>
    reason.replaceChildren(
      ...reasons
        .filter((r) => r.outcome === outcome.value)
        .map((r) => h('option', { value: r.code }, `${r.code} — ${r.text}`)),
    );
  outcome.addEventListener('change', fill);
  fill();
  const note = h('textarea', { 'data-testid': 'decision-note', placeholder: 'Why (mandatory)' });
  return h(
    'div',
    {},
    h('label', {}, 'Outcome'),
    outcome,
    h('label', {}, 'Reason'),
    reason,
    h('label', {}, 'Note'),
    note,
    h(
      'p',
      {},
      h(
        'button',
        {
          'data-testid': 'decide',
          onclick: () =>
            act(
              'decide',
              { outcome: outcome.value, reasonCode: reason.value, note: note.value },
              'Decision recorded',
            )(),
        },
        'Submit decision',
      ),
    ),
  );
}

function graphCard(applicationId) {
  const area = h(
    'div',
    { 'data-testid': 'graph-area' },
    h('p', { class: 'muted' }, 'The 2-hop neighbourhood as of the application date.'),
  );
  const button = h(
    'button',
    {
      'data-testid': 'open-graph',
      onclick: async () => {
        area.replaceChildren(h('p', { class: 'muted' }, 'Loading graph…'));
        try {
          area.replaceChildren(
            egoGraph(await api(`/graph/applications/${encodeURIComponent(applicationId)}/ego-graph`)),
          );
        } catch (e) {
          area.replaceChildren(
            h('p', { class: 'error', 'data-testid': 'graph-unavailable' }, `Graph unavailable: ${e.message}`),
          );
        }
      },
    },
    'Show network graph',
  );
  return h('div', { class: 'card' }, h('h2', {}, 'Network'), button, area);
}

function historyCard(history) {
  return h(
    'div',
    { class: 'card' },
    h('h2', {}, 'Case history'),
    h(
      'ol',
      { class: 'history', 'data-testid': 'history' },
      history.map((e) =>
        h(
          'li',
          { 'data-action': e.action },
          h('strong', {}, e.action),
          ` by ${e.actor} at ${when(e.at)} `,
          h('span', { class: 'muted' }, summarize(e.details)),
        ),
      ),
    ),
  );
}

function decisionsCard(decisions) {
  return h(
    'div',
    { class: 'card' },
    h('h2', {}, 'Decisions (hash-chained)'),
    h(
      'ol',
      { 'data-testid': 'decisions' },
      decisions.map((d) =>
        h(
          'li',
          {},
          h('strong', {}, d.outcome),
          ` ${d.automatic ? 'automatic' : 'by ' + d.decidedBy} at ${when(d.decidedAt)} `,
          d.content.override ? h('span', { class: 'pill bad' }, 'override') : '',
          h('div', { class: 'muted' }, `#${d.seq} ${d.hash.slice(0, 16)}…`),
        ),
      ),
    ),
  );
}

function summarize(details) {
  return Object.entries(details ?? {})
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(' · ');
}

/** Where a reason comes from: the model's attribution (log-odds), or the graph path with the model's view of it. */
function reasonTrace(r) {
  const signed = `${r.contribution > 0 ? '+' : ''}${r.contribution.toFixed(2)}`;
  return r.source === 'GRAPH' ? `(graph path; model ${signed})` : `(${signed})`;
}
