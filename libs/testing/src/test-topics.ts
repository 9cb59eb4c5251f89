import { z } from 'zod';

import { eventSchema, type SchemaRegistry } from '@loanmesh/contracts';

/** A topic used only by the platform's own transport tests. */
export const TEST_ROUND_TRIP_TOPIC = 'testing.round-trip.v1';

export const pingSchema = eventSchema('test.ping', 1, z.object({ n: z.number().int() }));
export type PingEvent = z.infer<typeof pingSchema>;
export const pingRegistry: SchemaRegistry = { 'test.ping': { 1: pingSchema } };
