import { useEffect, useState } from 'react';

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
  // "show path" on a graph reason opens the network if it is not open yet.
  const wanted = highlight !== null && !state.graph && !state.busy && !state.error;
  useEffect(() => {
    if (wanted) {
      void open();
    }
    // Keyed on `wanted` alone: open() reads only the application id, fixed for this card.
  }, [wanted]);
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
