import { Injectable } from '@nestjs/common';

import type { HealthIndicator } from '@loanmesh/observability';

import { TopicAdminService } from './topic-admin.service';

@Injectable()
export class KafkaHealthIndicator implements HealthIndicator {
  readonly name = 'kafka';

  constructor(private readonly admin: TopicAdminService) {}

  async check(): Promise<void> {
    await this.admin.describeCluster();
  }
}
