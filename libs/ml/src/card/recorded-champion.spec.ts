import { recordedChampion } from './recorded-champion';

const card = (champion: string): unknown => ({ name: 'x', champion: { reference: 'r', champion } });

describe(recordedChampion.name, () => {
  it('should return the champion every card records when they agree', () => {
    expect(recordedChampion([card('world-gbm-tabular'), card('world-gbm-tabular')])).toBe('world-gbm-tabular');
  });

  it('should ignore cards without a champion choice when another card has one', () => {
    expect(recordedChampion([{ name: 'german-credit-gbm' }, null, card('a')])).toBe('a');
  });

  it('should return undefined when the cards disagree', () => {
    expect(recordedChampion([card('a'), card('b')])).toBeUndefined();
  });

  it('should return undefined when no card records a choice', () => {
    expect(recordedChampion([{ champion: { champion: '' } }, { champion: 'a' }, []])).toBeUndefined();
  });
});
