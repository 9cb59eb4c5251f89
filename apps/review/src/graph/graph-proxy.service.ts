import { Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { maskForRole } from '../common/role-pii-mask';
import { GraphClient } from './graph.client';

/** The graph service's views, passed through with personal data masked by role. */
@Injectable()
export class GraphProxyService {
  constructor(private readonly graph: GraphClient) {}

  async egoGraph(user: AuthenticatedUser, applicationId: string): Promise<unknown> {
    return maskForRole(user.role, await this.graph.get(`/applications/${encodeURIComponent(applicationId)}/ego-graph`));
  }

  async candidates(user: AuthenticatedUser): Promise<unknown> {
    return maskForRole(user.role, await this.graph.get('/entity-resolution/candidates'));
  }

  async resolve(user: AuthenticatedUser, id: string, verdict: 'confirm' | 'reject'): Promise<unknown> {
    return this.graph.post(`/entity-resolution/candidates/${encodeURIComponent(id)}/${verdict}`, {
      reviewer: user.username,
    });
  }
}
