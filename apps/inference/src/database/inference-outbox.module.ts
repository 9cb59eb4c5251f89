import { OutboxModule } from '@loanmesh/database';

import { INFERENCE_SCHEMA } from './inference-database';

/**
 * Inference's one outbox and relay (scored events, drift alerts): every feature imports this
 * same module, so one relay per process drains the schema's outbox.
 */
export const inferenceOutbox = OutboxModule.forRoot({ lockName: INFERENCE_SCHEMA });
