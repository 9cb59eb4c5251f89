import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UserEntity } from '../auth/user.entity';
import { CaseTransactionService } from './case-transaction.service';
import type { CaseEntity } from './case.entity';
import { CaseException } from './case.exception';

const SUPERVISORS = new Set(['senior_officer', 'admin']);

/** Claim, release, reassign, comment and reopen; each step lands in the case history. */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly tx: CaseTransactionService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  claim(id: string, user: AuthenticatedUser): Promise<CaseEntity> {
    return this.tx.step(id, (c) => {
      if (c.status !== 'OPEN') {
        throw c.status === 'CLAIMED' ? CaseException.notAssignee() : CaseException.wrongStatus(c.status, 'claim');
      }
      c.status = 'CLAIMED';
      c.assignee = user.username;
      return { action: 'CLAIMED', actor: user.username, details: {} };
    });
  }

  release(id: string, user: AuthenticatedUser): Promise<CaseEntity> {
    return this.tx.step(id, (c) => {
      if (c.status !== 'CLAIMED') {
        throw CaseException.wrongStatus(c.status, 'release');
      }
      if (c.assignee !== user.username && !SUPERVISORS.has(user.role)) {
        throw CaseException.notAssignee();
      }
      const previous = c.assignee;
      c.status = 'OPEN';
      c.assignee = null;
      return { action: 'RELEASED', actor: user.username, details: { previous } };
    });
  }

  async reassign(id: string, user: AuthenticatedUser, to: string): Promise<CaseEntity> {
    const target = await this.users.findOne({ where: { username: to, role: In(['officer', 'senior_officer']) } });
    if (!target) {
      throw CaseException.unknownUser(to);
    }
    return this.tx.step(id, (c) => {
      if (c.status !== 'OPEN' && c.status !== 'CLAIMED') {
        throw CaseException.wrongStatus(c.status, 'reassign');
      }
      const previous = c.assignee;
      c.status = 'CLAIMED';
      c.assignee = target.username;
      return { action: 'REASSIGNED', actor: user.username, details: { previous, to: target.username } };
    });
  }

  comment(id: string, user: AuthenticatedUser, text: string): Promise<CaseEntity> {
    return this.tx.step(id, () => ({ action: 'COMMENTED', actor: user.username, details: { text } }));
  }

  reopen(id: string, user: AuthenticatedUser, reason: string): Promise<CaseEntity> {
    return this.tx.step(id, (c) => {
      if (c.status !== 'DECIDED') {
        throw CaseException.wrongStatus(c.status, 'reopen');
      }
      const previousOutcome = c.outcome;
      c.status = 'OPEN';
      c.assignee = null;
      c.outcome = null;
      c.proposal = null;
      c.decidedAt = null;
      return { action: 'REOPENED', actor: user.username, details: { reason, previousOutcome } };
    });
  }
}
