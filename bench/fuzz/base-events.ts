import {
  type CoreBankingEvent,
  coreBankingKey,
  coreBankingRegistry,
  domainEventRegistry,
  applicationReceivedRegistry,
  graphFeaturesComputedRegistry,
  applicationScoredRegistry,
  applicationIncompleteRegistry,
  type SchemaRegistry,
  Topics,
} from '@loanmesh/contracts';
import { BacklogEventSource, type SeededRandom, WorldGeneratorService, worldOptions } from '@loanmesh/world';

import { GraphEventFactory } from '../../apps/graph/src/testing/graph-event.factory';
import { FeaturesEventFactory } from '../../apps/inference/src/testing/features-event.factory';
import { incompleteEvent } from '../../apps/review/src/testing/incomplete-event.factory';
import { scoredEvent } from '../../apps/review/src/testing/scored-event.factory';

import type { JsonObject } from './fuzz-record';
import { isObject } from './json-tree';

/** Valid events of one topic to mutate, with the topic's schemas and how a producer keys them. */
export interface BaseEventSource {
  topic: string;
  registry: SchemaRegistry;
  next(): JsonObject;
  keyOf(event: JsonObject): string | null;
}

/** World events per unit of scale (the default world has about 470k). */
const EVENTS_PER_SCALE = 470_000;

/**
 * Core-banking events of a seeded world in causal order (companies before their loans), large
 * enough that `count` records never wrap; wrapping would only turn valid sends into duplicates.
 */
export function coreBankingBase(seed: number, count: number): BaseEventSource {
  const scale = Math.max(0.002, Math.ceil(((count * 1.1) / EVENTS_PER_SCALE) * 1000) / 1000);
  const world = new WorldGeneratorService().generate(worldOptions(seed, scale)).world;
  const source = new BacklogEventSource(world);
  let events = source.events();
  return {
    topic: Topics.coreBankingEvents,
    registry: coreBankingRegistry,
    next() {
      let n = events.next();
      if (n.done) {
        events = source.events();
        n = events.next();
      }
      const event: unknown = n.value;
      return event as JsonObject;
    },
    keyOf: (e) => coreBankingKey(e as unknown as CoreBankingEvent),
  };
}

function companyKey(e: JsonObject): string | null {
  const payload = isObject(e.payload) ? e.payload : {};
  const application = isObject(payload.application) ? payload.application : payload;
  const id = application.companyId ?? payload.companyId;
  return typeof id === 'string' ? id : null;
}

function rotating(topic: string, registry: SchemaRegistry, makers: (() => object)[]): BaseEventSource {
  let i = 0;
  return {
    topic,
    registry,
    next: () => makers[i++ % makers.length]() as JsonObject,
    keyOf: companyKey,
  };
}

/** Valid events of the four downstream services' inbound topics, built by the apps' test factories. */
export function downstreamBases(seed: number, rng: SeededRandom): BaseEventSource[] {
  const f = new GraphEventFactory(`fuzz-${seed}`);
  const features = new FeaturesEventFactory(seed);
  const n = (): string => String(rng.int(1_000_000));
  return [
    rotating(Topics.domainEvents, domainEventRegistry, [
      () => f.company(`c${n()}`),
      () => f.person(`p${n()}`),
      () => f.director(`p${n()}`, `c${n()}`),
      () => f.loan(`l${n()}`, `c${n()}`, '2022-01-01', '2024-01-01'),
      () => f.defaulted(`c${n()}`, '2023-01-01'),
      () => f.judgment(`c${n()}`, '2023-01-01'),
      () => f.guarantee(`g${n()}`, `c${n()}`, `c${n()}`, 1000),
    ]),
    rotating(Topics.applicationReceived, applicationReceivedRegistry, [
      () => f.applicationReceived(`a${n()}`, `c${n()}`, new Date().toISOString()),
    ]),
    rotating(Topics.graphFeaturesComputed, graphFeaturesComputedRegistry, [() => features.build()]),
    rotating(Topics.applicationScored, applicationScoredRegistry, [() => scoredEvent()]),
    rotating(Topics.applicationIncomplete, applicationIncompleteRegistry, [() => incompleteEvent()]),
  ];
}
