import { Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '../auth/authenticated-user';
import { maskForRole } from '../common/role-pii-mask';
import { GraphClient } from './graph.client';

/** The graph service's views, passed through with personal data masked by role. */
@Injectable()
export class GraphProxyService {
  constructor(private readonly graph: GraphClient) {}

  async egoGraph(user: AuthenticatedUser, applicationId: string): Promise<unknown> {
    return maskForRole(
      user.role,
      await this.graph.get(`/applications/${encodeURIComponent(applicationId)}/ego-graph`, user),
    );
  }

  /**
   * Candidates with names and people's ids masked by role; each keeps its own id, the handle
   * a reviewer confirms or rejects by (an internal pseudonymous key, not personal data).
   */
  async candidates(user: AuthenticatedUser, query: { status: string; limit: number }): Promise<unknown> {
    const path = `/entity-resolution/candidates?status=${query.status}&limit=${query.limit}`;
    const { candidates } = (await this.graph.get(path, user)) as { candidates: { id: string }[] };
    return { candidates: candidates.map((c) => ({ ...maskForRole(user.role, c), id: c.id })) };
  }

  async resolve(user: AuthenticatedUser, id: string, verdict: 'confirm' | 'reject'): Promise<unknown> {
    return this.graph.post(
      `/entity-resolution/candidates/${encodeURIComponent(id)}/${verdict}`,
      {
        reviewer: user.username,
      },
      user,
    );
  }
}
