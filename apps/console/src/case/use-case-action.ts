import { useState } from 'react';

import { act, type CaseAction } from '../api/cases.api';
import { errorText } from '../ui/format';
import { useToast } from '../ui/toast';

/** Runs a case action, then reloads the case; a refusal shows as a toast and in the card. */
export function useCaseAction(
  caseId: string,
  reload: () => Promise<void>,
): { run: (a: CaseAction, done: string) => Promise<void>; error: string } {
  const toast = useToast();
  const [error, setError] = useState('');
  const run = async (a: CaseAction, done: string): Promise<void> => {
    try {
      await act(caseId, a);
      setError('');
      toast(done);
      await reload();
    } catch (e) {
      setError(errorText(e));
      toast(errorText(e), true);
    }
  };
  return { run, error };
}
