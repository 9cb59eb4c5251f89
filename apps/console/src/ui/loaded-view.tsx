import type { ReactNode } from 'react';

import { errorText } from './format';
import type { Loaded } from './use-load';

/** Loading text, the page's error, or the page. */
export function LoadedView<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ReactNode }) {
  if (loaded.state === 'loading') {
    return <p className="muted">Loading…</p>;
  }
  if (loaded.state === 'failed') {
    return (
      <p className="error" data-testid="page-error">
        {errorText(loaded.error)}
      </p>
    );
  }
  return <>{children(loaded.value)}</>;
}
