import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';

type Notify = (message: string, bad?: boolean) => void;

const ToastContext = createContext<Notify>(() => undefined);

/** One polite live region for every page's confirmations and errors. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ message: string; bad: boolean; shown: boolean }>({
    message: '',
    bad: false,
    shown: false,
  });
  const timer = useRef<number | undefined>(undefined);
  const notify = useCallback<Notify>((message, bad = false) => {
    setState({ message, bad, shown: true });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState((s) => ({ ...s, shown: false })), 4000);
  }, []);
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div id="toast" role="status" aria-live="polite" className={state.shown ? (state.bad ? 'show bad' : 'show') : ''}>
        {state.message}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Notify {
  return useContext(ToastContext);
}
