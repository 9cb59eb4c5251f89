import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';

import { Topics } from '@loanmesh/contracts';
import { earlyWarningSchema, type EarlyWarningEvent } from '@loanmesh/contracts/graph/early-warning.schema';
import { KafkaProducerService } from '@loanmesh/kafka';
import { Neo4jService } from '@loanmesh/neo4j';

import { EARLY_WARNING_TARGETS } from './early-warning.cypher';

export interface DefaultedCompany {
  companyId: string;
  defaultedAt: string;
}

type Target = Omit<EarlyWarningEvent['payload'], 'alertId' | 'trigger'>;

/** When companies default, alerts every live loan within 2 hops, naming the path (re-scoring when the graph changes). */
@Injectable()
export class EarlyWarningService {
  private readonly logger = new Logger(EarlyWarningService.name);

  constructor(
    private readonly neo4j: Neo4jService,
    private readonly producer: KafkaProducerService,
  ) {}

  async onDefaults(defaults: readonly DefaultedCompany[]): Promise<number> {
    if (defaults.length === 0) {
      return 0;
    }
    const targets = await this.neo4j.read<Target & Record<string, unknown>>(
      EARLY_WARNING_TARGETS,
      { defaults },
      30_000,
    );
    if (targets.length > 0) {
      await this.producer.publish(
        Topics.earlyWarning,
        targets.map((t) => ({ key: t.companyId, value: alertEvent(t) })),
      );
    }
    this.logger.log({ msg: 'early warnings published', defaults: defaults.length, alerts: targets.length });
    return targets.length;
  }
}

function alertEvent(t: Target): EarlyWarningEvent {
  const at = new Date().toISOString();
  return earlyWarningSchema.parse({
    eventId: randomUUID(),
    type: 'graph.early-warning',
    schemaVersion: 1,
    occurredAt: at,
    producedAt: at,
    source: 'graph',
    correlationId: t.loanId,
    payload: { alertId: `${t.triggerCompanyId}:${t.defaultedAt}:${t.loanId}`, trigger: 'NEIGHBOUR_DEFAULTED', ...t },
  });
}
