import type { InboxEntry } from '@loanmesh/database';

import type { Referral } from '../cases/case-opener.service';
import type { DecisionDraft } from './decision-ledger.service';
import type { DecisionAnnouncement } from './decision-publisher.service';
import type { DecisionEntity } from './decision.entity';

/** What the ledger, the announcement and (when referred) the case need, built at commit time. */
export interface PreparedDecision {
  draft: DecisionDraft;
  announcement: Omit<DecisionAnnouncement, 'decision'>;
  /** The case for the officers once the decision is linked; used only when the outcome is REFERRED. */
  referral(decision: DecisionEntity): Referral;
}

/**
 * One automatic decision waiting for its group commit, whatever triggered it (a scored
 * application, or one that never became complete): one commit path writes them all.
 */
export interface PendingDecision {
  /** Inbox consumer of the triggering event's topic: its event id is claimed there. */
  consumer: string;
  eventId: string;
  /** The triggering event's identity and content digest, claimed in that inbox. */
  inbox: InboxEntry;
  applicationId: string;
  outcome: DecisionEntity['outcome'];
  prepare(now: Date): PreparedDecision;
}
