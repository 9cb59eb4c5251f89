import type { QueuePage } from '../api/cases.api';
import { useI18n } from '../i18n/i18n';
import type { QueueFilter } from './queue-filter';

interface Props {
  /** The values each filter can take, as review reports them for the whole queue. */
  choices: QueuePage['choices'];
  filter: QueueFilter;
  onChange: (f: QueueFilter) => void;
}

function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange: (v: string) => void;
}) {
  return (
    <span className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

const all = (values: string[]): [string, string][] => [['', 'all'], ...values.map((v): [string, string] => [v, v])];

/** Filters, search and sort of the queue; any change goes back to the first page. */
export function QueueFilters({ choices: c, filter, onChange }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<QueueFilter>): void => onChange({ ...filter, ...patch, page: 0 });
  return (
    <div className="filters" role="search">
      <span className="filter">
        <label htmlFor="queue-search">{t('queue.search')}</label>
        <input
          id="queue-search"
          type="search"
          data-testid="queue-search"
          placeholder="application, company, assignee"
          value={filter.search}
          onChange={(e) => set({ search: e.target.value })}
        />
      </span>
      <Select
        id="filter-status"
        label={t('queue.status')}
        value={filter.status}
        options={all(['OPEN', 'CLAIMED', 'AWAITING_CONFIRMATION'])}
        onChange={(v) => set({ status: v as QueueFilter['status'] })}
      />
      <Select
        id="filter-grade"
        label={t('queue.grade')}
        value={filter.grade}
        options={all(c.grades)}
        onChange={(v) => set({ grade: v })}
      />
      <Select
        id="filter-rule"
        label={t('queue.ruleHit')}
        value={filter.ruleHit}
        options={all(c.ruleHits)}
        onChange={(v) => set({ ruleHit: v })}
      />
      <Select
        id="filter-assignee"
        label={t('queue.assignee')}
        value={filter.assignee}
        options={all(c.assignees)}
        onChange={(v) => set({ assignee: v })}
      />
      <Select
        id="filter-sla"
        label={t('queue.sla')}
        value={filter.sla}
        options={[
          ['', 'all'],
          ['ok', 'on time'],
          ['amber', 'last quarter'],
          ['red', 'breached'],
        ]}
        onChange={(v) => set({ sla: v as QueueFilter['sla'] })}
      />
      <Select
        id="queue-sort"
        label={t('queue.sort')}
        value={filter.sort}
        options={[
          ['priority', 'priority'],
          ['amount', 'amount'],
          ['expectedLoss', 'expected loss'],
          ['slaDeadline', 'SLA deadline'],
        ]}
        onChange={(v) => set({ sort: v as QueueFilter['sort'] })}
      />
    </div>
  );
}
