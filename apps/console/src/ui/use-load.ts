import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/** Runs an API call when its key changes; `reload` runs it again (after an action). */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => Promise<void>, (value: T) => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  // The key stands for the inputs of `load`: a new closure each render must not reload.
  const latest = useRef(load);
  latest.current = load;
  const run = useCallback(async () => {
    try {
      setLoaded({ state: 'ready', value: await latest.current() });
    } catch (error) {
      setLoaded({ state: 'failed', error });
    }
  }, []);
  useEffect(() => {
    setLoaded({ state: 'loading' });
    void run();
  }, [run, key]);
  const replace = useCallback((value: T) => setLoaded({ state: 'ready', value }), []);
  return [loaded, run, replace];
}
