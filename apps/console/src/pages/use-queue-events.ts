import { useEffect, useState } from 'react';

import { watchQueue } from '../api/queue-events.api';

/** Reloads the queue whenever review says it changed; true while the stream is open. */
export function useQueueEvents(reload: () => Promise<void>): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    const stop = new AbortController();
    void watchQueue(stop.signal, {
      onOpen: () => setLive(true),
      onChange: () => void reload(),
      onClose: () => setLive(false),
    });
    return () => stop.abort();
  }, [reload]);
  return live;
}
