import { useState } from 'react';

import { egoGraph } from '../api/graph.api';
import type { EgoGraph } from '../api/graph.types';
import { NetworkView } from '../network/network-view';
import { errorText } from '../ui/format';

/** The 2-hop neighbourhood as of the application date, drawn on request. */
export function NetworkCard({ applicationId, highlight }: { applicationId: string; highlight: string[] | null }) {
  const [state, setState] = useState<{ graph?: EgoGraph; error?: string; busy?: boolean }>({});
  const open = async (): Promise<void> => {
    setState({ busy: true });
    try {
      setState({ graph: await egoGraph(applicationId) });
    } catch (e) {
      setState({ error: errorText(e) });
    }
  };
  return (
    <div className="card">
      <h2>Network</h2>
      {!state.graph && (
        <button type="button" data-testid="open-graph" onClick={() => void open()}>
          Show network graph
        </button>
      )}
      <div data-testid="graph-area">
        {state.busy && <p className="muted">Loading graph…</p>}
        {state.error && (
          <p className="error" data-testid="graph-unavailable">
            Graph unavailable: {state.error}
          </p>
        )}
        {state.graph ? (
          <NetworkView graph={state.graph} highlight={highlight} />
        ) : (
          <p className="muted">The 2-hop neighbourhood as of the application date.</p>
        )}
      </div>
    </div>
  );
}
