import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { HealthIndicator } from '@loanmesh/observability';

@Injectable()
export class DatabaseHealthIndicator implements HealthIndicator {
  readonly name = 'postgres';

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
