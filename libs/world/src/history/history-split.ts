import { dayOf } from '../calendar/world-calendar';

export type HistorySplit = 'train' | 'validation' | 'test';
export const HISTORY_SPLITS: readonly HistorySplit[] = ['train', 'validation', 'test'];

/**
 * Split by submission time, never at random: train 2019-2021, validation 2022, test 2023.
 * Applications from 2024 on have no closed 12-month outcome window at the world clock.
 */
export const SPLIT_BOUNDARIES = {
  trainFrom: '2019-01-01',
  validationFrom: '2022-01-01',
  testFrom: '2023-01-01',
  testUntil: '2024-01-01',
} as const;

const bounds = {
  trainFrom: dayOf(SPLIT_BOUNDARIES.trainFrom),
  validationFrom: dayOf(SPLIT_BOUNDARIES.validationFrom),
  testFrom: dayOf(SPLIT_BOUNDARIES.testFrom),
  testUntil: dayOf(SPLIT_BOUNDARIES.testUntil),
};

export function splitOf(submittedDay: number): HistorySplit | undefined {
  if (submittedDay < bounds.trainFrom || submittedDay >= bounds.testUntil) {
    return undefined;
  }
  if (submittedDay < bounds.validationFrom) {
    return 'train';
  }
  return submittedDay < bounds.testFrom ? 'validation' : 'test';
}
