import { useState } from 'react';

import { approvePromotion, catalog, promotionRequests, requestPromotion } from '../api/models.api';
import { type ModelEntry, PROMOTION_TARGETS, type PromotionRequest, type PromotionTarget } from '../api/models.types';
import { useCan, useSignedIn } from '../session-context';
import { errorText, when } from '../ui/format';
import { LoadedView } from '../ui/loaded-view';
import { useToast } from '../ui/toast';
import { useLoad } from '../ui/use-load';

type Post = (call: () => Promise<void>, done: string) => Promise<void>;

function RequestForm({ m, post }: { m: ModelEntry; post: Post }) {
  const [to, setTo] = useState<PromotionTarget>('challenger');
  const [reason, setReason] = useState('');
  return (
    <span>
      <select
        aria-label={`Promote ${m.label} to`}
        value={to}
        onChange={(e) => setTo(e.target.value as PromotionTarget)}
      >
        {PROMOTION_TARGETS.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>{' '}
      <input
        aria-label="Reason"
        placeholder="reason"
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />{' '}
      <button
        type="button"
        data-testid="promotion-request"
        onClick={() =>
          void post(
            () => requestPromotion(m.id, to, reason),
            'Promotion requested: another risk manager must approve it',
          )
        }
      >
        Request promotion
      </button>
    </span>
  );
}

function Requests({ requests, models, post }: { requests: PromotionRequest[]; models: ModelEntry[]; post: Post }) {
  const can = useCan();
  const { user } = useSignedIn();
  return (
    <table>
      <thead>
        <tr>
          {['model', 'to', 'reason', 'requested', 'approved'].map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r) => (
          <tr key={r.id}>
            <td>{models.find((m) => m.id === r.modelId)?.name ?? r.modelId}</td>
            <td>{r.to}</td>
            <td>{r.reason}</td>
            <td>{`${r.requestedBy}, ${when(r.requestedAt)}`}</td>
            <td>{r.approvedBy ? `${r.approvedBy}, ${when(r.approvedAt)}` : ''}</td>
            <td>
              {can('models.promote') && !r.approvedBy && r.requestedBy !== user.username && (
                <button
                  type="button"
                  data-testid="promotion-approve"
                  onClick={() => void post(() => approvePromotion(r.id), 'Promotion approved')}
                >
                  Approve
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The model catalogue and maker/checker promotion: one risk manager requests a promotion,
 * another approves it (the inference service refuses the requester's own approval).
 */
export function ModelsPage() {
  const can = useCan();
  const toast = useToast();
  const [loaded, reload] = useLoad(() => Promise.all([catalog(), promotionRequests()]), 'models');
  const post: Post = async (call, done) => {
    try {
      await call();
      toast(done);
      await reload();
    } catch (e) {
      toast(errorText(e), true);
    }
  };
  return (
    <LoadedView loaded={loaded}>
      {([cat, requests]) => {
        const models = cat.available ? cat.models : [];
        return (
          <>
            <div className="card" data-testid="models">
              <h1>Models</h1>
              {cat.available ? (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">model</th>
                      <th scope="col">state</th>
                      <th scope="col">{can('models.promote') ? 'promotion' : ''}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {models.map((m) => (
                      <tr key={m.id}>
                        <td>{m.label}</td>
                        <td>{m.state}</td>
                        <td>{can('models.promote') && <RequestForm m={m} post={post} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="muted" data-testid="models-unavailable">
                  The inference service ({cat.source}) is not reachable; the model list is unavailable.
                </p>
              )}
            </div>
            <div className="card" data-testid="promotion-requests">
              <h2>Promotion requests</h2>
              {requests ? (
                <Requests requests={requests} models={models} post={post} />
              ) : (
                <p className="muted">Promotion requests are unavailable.</p>
              )}
            </div>
          </>
        );
      }}
    </LoadedView>
  );
}
