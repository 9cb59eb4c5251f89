import { Injectable } from '@nestjs/common';

import type { HealthIndicator } from '@loanmesh/observability';

import { EarlyWarningRelayService } from './early-warning-relay.service';

/** A single failed round is a blip the backoff absorbs; a relay failing this long holds alerts back. */
const FAILING_FOR_MS = 15_000;

/** Not ready while the early-warning relay has failed every round for FAILING_FOR_MS. */
@Injectable()
export class EarlyWarningRelayHealthIndicator implements HealthIndicator {
  readonly name = 'early-warning-relay';

  constructor(private readonly relay: EarlyWarningRelayService) {}

  check(): Promise<void> {
    const failing = this.relay.failure;
    if (failing && Date.now() - failing.since > FAILING_FOR_MS) {
      return Promise.reject(
        new Error(
          `early-warning relay failing for ${Math.round((Date.now() - failing.since) / 1000)} s: ${failing.error}`,
        ),
      );
    }
    return Promise.resolve();
  }
}
