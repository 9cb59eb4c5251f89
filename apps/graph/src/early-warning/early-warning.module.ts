import { Global, Module } from '@nestjs/common';

import { KafkaOutboxPublisher, OUTBOX_PUBLISHER } from '@loanmesh/database';

import { EarlyWarningAlertRepository } from './early-warning-alert.repository';
import { EarlyWarningRelayService } from './early-warning-relay.service';
import { EarlyWarningRelayHealthIndicator } from './early-warning-relay.health-indicator';
import { EarlyWarningService } from './early-warning.service';

/** Alerts stored in Neo4j beside the graph and relayed to Kafka; global so readiness reaches the relay's indicator. */
@Global()
@Module({
  providers: [
    EarlyWarningService,
    EarlyWarningAlertRepository,
    EarlyWarningRelayService,
    EarlyWarningRelayHealthIndicator,
    { provide: OUTBOX_PUBLISHER, useClass: KafkaOutboxPublisher },
  ],
  exports: [EarlyWarningService, EarlyWarningRelayService, EarlyWarningRelayHealthIndicator],
})
export class EarlyWarningModule {}
