import { caseDetail, decisionReasons } from '../api/cases.api';
import { LoadedView } from '../ui/loaded-view';
import { useLoad } from '../ui/use-load';
import { ActionCard } from './action-card';
import { ApplicationCard } from './application-card';
import { DecisionsCard, HistoryCard } from './history-cards';
import { MemoCard } from './memo-card';
import { NetworkCard } from './network-card';
import { ReplayCard } from './replay-card';
import { ScoreCard } from './score-card';
import { useState } from 'react';

export function CasePage({ id }: { id: string }) {
  const [loaded, reload] = useLoad(() => Promise.all([caseDetail(id), decisionReasons()]), id);
  const [highlight, setHighlight] = useState<string[] | null>(null);
  return (
    <LoadedView loaded={loaded}>
      {([detail, reasons]) => {
        const c = detail.case;
        return (
          <>
            <h1 data-testid="case-title">
              Case {c.applicationId}{' '}
              <span className="pill" data-testid="case-status">
                {c.status}
              </span>
            </h1>
            <div className="grid">
              <ApplicationCard c={c} />
              <ScoreCard s={c.snapshot} onExplain={setHighlight} />
              <ActionCard c={c} reasons={reasons} reload={reload} />
            </div>
            <NetworkCard applicationId={c.applicationId} highlight={highlight} />
            <ReplayCard applicationId={c.applicationId} />
            <MemoCard caseId={c.id} />
            <div className="grid">
              <HistoryCard history={detail.history} />
              <DecisionsCard decisions={detail.decisions} />
            </div>
          </>
        );
      }}
    </LoadedView>
  );
}
