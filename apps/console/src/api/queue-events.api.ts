import { currentToken } from './http';

export interface QueueWatcher {
  onOpen: () => void;
  onChange: () => void;
  onClose: () => void;
}

/**
 * Review's server-sent events for the queue (GET /cases/events), read with fetch so the token
 * travels in the Authorization header, never in a URL (EventSource cannot send headers).
 * Every `event: queue` frame means "the queue changed: reload it".
 */
export async function watchQueue(signal: AbortSignal, w: QueueWatcher): Promise<void> {
  try {
    const token = await currentToken();
    const res = await fetch('/cases/events', {
      headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal,
    });
    if (!res.ok || !res.body) {
      return;
    }
    w.onOpen();
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      buffer += value;
      const frames = buffer.split('\n\n');
      buffer = frames.pop() ?? '';
      if (frames.some((f) => f.split('\n').includes('event: queue'))) {
        w.onChange();
      }
    }
  } catch {
    // Aborted on leaving the page, or the connection dropped: the page still works without it.
  } finally {
    w.onClose();
  }
}
