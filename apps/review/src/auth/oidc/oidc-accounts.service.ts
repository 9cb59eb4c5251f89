import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import type { SignInFailure } from '../../security-events/security-event.entity';
import { SecurityEventsService } from '../../security-events/security-events.service';
import type { Role } from '../role';
import { UserEntity } from '../user.entity';

/** Who the provider says signed in, already mapped to a LoanMesh role. */
export interface OidcIdentity {
  /** `<issuer> <sub>`: stable at the provider, unlike the user name. */
  externalSubject: string;
  username: string;
  displayName: string;
  role: Role;
}

export type AccountOutcome = { ok: true; user: UserEntity } | { ok: false; reason: SignInFailure };

const ACTOR = 'oidc';

/**
 * The users row of an SSO identity: created on first sign-in (no password), its role set from
 * the claim at every sign-in (so a change at the provider applies at the next sign-in), and
 * refused when the users table says no: disabled, a local account of the same name, or a
 * name bound to another subject.
 */
@Injectable()
export class OidcAccountsService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly events: SecurityEventsService,
  ) {}

  async accountFor(identity: OidcIdentity): Promise<AccountOutcome> {
    const existing = await this.findOrCreate(identity);
    if (existing.externalSubject !== identity.externalSubject) {
      return { ok: false, reason: existing.externalSubject === null ? 'OIDC_LOCAL_ACCOUNT' : 'OIDC_SUBJECT_MISMATCH' };
    }
    if (existing.disabledAt !== null) {
      return { ok: false, reason: 'DISABLED' };
    }
    if (existing.role !== identity.role || existing.displayName !== identity.displayName) {
      await this.users.update({ id: existing.id }, { role: identity.role, displayName: identity.displayName });
      if (existing.role !== identity.role) {
        await this.events.record({
          type: 'USER_ROLE_CHANGED',
          username: identity.username,
          actor: ACTOR,
          detail: { from: existing.role, to: identity.role },
        });
      }
    }
    return { ok: true, user: { ...existing, role: identity.role, displayName: identity.displayName } };
  }

  private async findOrCreate(identity: OidcIdentity): Promise<UserEntity> {
    const found = await this.users.findOne({ where: { username: identity.username } });
    if (found) {
      return found;
    }
    // Two first sign-ins at once: one insert wins, the other reads its row.
    const inserted = await this.users
      .createQueryBuilder()
      .insert()
      .values({
        username: identity.username,
        role: identity.role,
        displayName: identity.displayName,
        passwordHash: null,
        externalSubject: identity.externalSubject,
        disabledAt: null,
      })
      .orIgnore()
      .execute();
    if (Array.isArray(inserted.raw) && inserted.raw.length > 0) {
      await this.events.record({
        type: 'USER_ADDED',
        username: identity.username,
        actor: ACTOR,
        detail: { role: identity.role, method: 'oidc' },
      });
    }
    return this.users.findOneOrFail({ where: { username: identity.username } });
  }
}
