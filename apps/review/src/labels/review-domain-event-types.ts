import { COMPANY_NAME_TYPES } from '../companies/company-name.service';
import { LOAN_OUTCOME_TYPES } from './loan-outcome.service';

/**
 * The domain-event types review reads (loan events for outcome labels, company events for the
 * queue's names); every other type is the graph's business and passed over by its header. One
 * set, so the fuzz suite's accounting counts as passed over exactly what the consumer skips.
 */
export const REVIEW_DOMAIN_EVENT_TYPES: ReadonlySet<string> = new Set([...LOAN_OUTCOME_TYPES, ...COMPANY_NAME_TYPES]);
