import type { CaseEventEntity } from '../case-event.entity';
import type { CaseEntity } from '../case.entity';
import type { DecisionEntity } from '../../decisions/decision.entity';

export interface MemoSection {
  title: string;
  lines: string[];
}

export interface MemoInput {
  case: CaseEntity;
  history: CaseEventEntity[];
  decisions: DecisionEntity[];
}

const iso = (d: Date | string | null | undefined): string => (d ? new Date(d).toISOString() : '-');

function application(c: CaseEntity): MemoSection {
  const s = c.snapshot;
  const a = s.application;
  const co = s.company;
  return {
    title: 'Application',
    lines: [
      `Application ${a.applicationId}, submitted ${iso(a.submittedAt)}`,
      `Amount ${a.amount.toLocaleString('en-US')} over ${a.termMonths} months, purpose ${a.purpose}`,
      co
        ? `Company ${co.companyId}: ${co.legalForm}, industry ${co.industryCode}, region ${co.region}, ${co.employees} employees`
        : `Company ${a.companyId}: data never arrived from core banking`,
      ...(co ? [`Revenue ${co.annualRevenue.toLocaleString('en-US')}, registered ${co.registeredAt}`] : []),
      `Guarantors: ${s.guarantors.map((g) => `${g.kind} ${g.id}`).join(', ') || 'none'}`,
    ],
  };
}

function decision(c: CaseEntity): MemoSection {
  const m = c.snapshot.champion;
  return {
    title: 'Decision',
    lines: [
      `Status ${c.status}${c.outcome ? `, outcome ${c.outcome} on ${iso(c.decidedAt)}` : ''}`,
      m
        ? `Risk grade ${m.riskGrade}, probability of default ${(m.probabilityOfDefault * 100).toFixed(1)}%`
        : 'Not scored',
      `Model ${m ? `${m.modelVersion} (sha256 ${m.modelSha256.slice(0, 16)}...)` : '-'}, policy version ${c.snapshot.policyVersion}`,
      `Four-eyes: ${c.fourEyesRequired ? `required (${c.fourEyesReasons.join('; ')})` : 'not required'}`,
    ],
  };
}

/** The memo's text, section by section, from the case as the caller may see it (masked per role). */
export function creditMemoSections(input: MemoInput): MemoSection[] {
  const c = input.case;
  const s = c.snapshot;
  return [
    application(c),
    decision(c),
    {
      title: 'Principal reasons',
      lines: s.champion?.reasons.map((r) => `${r.text} (${r.source}, ${r.contribution.toFixed(2)})`) ?? ['-'],
    },
    { title: 'Rule hits', lines: s.ruleHits.length ? s.ruleHits.map((r) => `${r.code}: ${r.text}`) : ['none'] },
    {
      title: 'Graph explanations',
      lines: s.explanations.length ? s.explanations.map((e) => `${e.severity}: ${e.text}`) : ['none'],
    },
    {
      title: 'Four-eyes trail',
      lines: input.history.map((e) => `${iso(e.at)} ${e.action} by ${e.actor}`),
    },
    {
      title: 'Decisions (hash-chained ledger)',
      lines: input.decisions.map(
        (d) =>
          `#${d.seq} ${d.outcome} ${d.automatic ? 'automatic' : `by ${d.decidedBy}`} ${iso(d.decidedAt)} ${d.hash.slice(0, 16)}...`,
      ),
    },
  ];
}
