import type { CoreBankingEvent } from '@loanmesh/contracts';

/** Largest amount a shifted application may ask for: the contract's money bound stays far away. */
const MAX_SHIFTED_AMOUNT = 1e12;

/**
 * A population shift for drift monitoring: live applications ask for `factor` times the amount
 * the world drew for them, everything else unchanged (so the model's loan-amount feature and the
 * ratios built on it move, not the companies). A factor of 1 changes nothing.
 */
export function shiftApplicationAmount(event: CoreBankingEvent, factor: number): CoreBankingEvent {
  if (factor === 1 || event.type !== 'loan.application-submitted') {
    return event;
  }
  const amount = Math.min(MAX_SHIFTED_AMOUNT, Math.round(event.payload.amount * factor * 100) / 100);
  return { ...event, payload: { ...event.payload, amount } };
}
