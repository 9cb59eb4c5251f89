import { useState } from 'react';

import { creditMemoPdf } from '../api/cases.api';
import { useCan } from '../session-context';
import { errorText } from '../ui/format';

/** The credit memo for the credit file: printed from the browser, or a PDF review renders. */
export function MemoCard({ caseId }: { caseId: string }) {
  const can = useCan();
  const [error, setError] = useState('');
  if (!can('cases.memo')) {
    return null;
  }
  const pdf = async (): Promise<void> => {
    try {
      const url = URL.createObjectURL(await creditMemoPdf(caseId));
      const a = document.createElement('a');
      a.href = url;
      a.download = `credit-memo-${caseId}.pdf`;
      a.click();
      // Revoked later: revoking at once can cancel the download before the browser has read it.
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="card no-print">
      <h2>Credit memo</h2>
      <button type="button" data-testid="memo-print" onClick={() => window.print()}>
        Print this page
      </button>{' '}
      <button type="button" className="secondary" data-testid="memo-pdf" onClick={() => void pdf()}>
        Download PDF
      </button>
      <p className="error" role="alert">
        {error}
      </p>
    </div>
  );
}
