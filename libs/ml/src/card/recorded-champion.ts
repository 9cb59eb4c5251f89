/**
 * The champion the trainer's rule chose (`selectChampion`), as recorded in model cards: every
 * world card of one training run carries the same `champion.champion`. The one source of the
 * served champion's name, so no service or test types a second one.
 *
 * Returns the single name the given cards agree on, or undefined when none records a choice
 * or they disagree (cards from different training runs mixed in one directory).
 */
export function recordedChampion(cards: readonly unknown[]): string | undefined {
  const names = new Set(cards.map(championNameOf).filter((n): n is string => n !== undefined));
  return names.size === 1 ? [...names][0] : undefined;
}

function championNameOf(card: unknown): string | undefined {
  if (!isRecord(card) || !isRecord(card.champion)) {
    return undefined;
  }
  const name = card.champion.champion;
  return typeof name === 'string' && name.length > 0 ? name : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
