import { Injectable, type OnApplicationShutdown } from '@nestjs/common';

import type { ShutdownParticipant, ShutdownPhase } from './shutdown-phase';

/**
 * The service's shutdown state and the parts to stop, by phase. Components register what
 * they run in the background (consumers, timers, the outbox relay); the bootstrap's signal
 * handler runs them in phase order (see shutdown.runner.ts). Readiness reads `draining`.
 */
@Injectable()
export class GracefulShutdownService implements OnApplicationShutdown {
  private readonly participants: ShutdownParticipant[] = [];
  private readonly closedHooks: (() => void)[] = [];
  private drainingSince: number | undefined;

  /** True from the moment a shutdown began: the service is no longer ready. */
  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  beginDrain(now = Date.now()): void {
    this.drainingSince ??= now;
  }

  register(phase: ShutdownPhase, name: string, stop: ShutdownParticipant['stop']): void {
    this.participants.push({ phase, name, stop });
  }

  participantsOf(phase: ShutdownPhase): readonly ShutdownParticipant[] {
    return this.participants.filter((p) => p.phase === phase);
  }

  /** Runs once the application has closed (e.g. removes the process signal listeners). */
  onClosed(hook: () => void): void {
    this.closedHooks.push(hook);
  }

  onApplicationShutdown(): void {
    this.closedHooks.splice(0).forEach((hook) => hook());
  }
}
