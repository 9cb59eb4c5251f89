import { graphConfigShape } from '../../apps/graph/src/config/graph.config';
import { inferenceConfigShape } from '../../apps/inference/src/config/inference.config';
import { ingestionConfigShape } from '../../apps/ingestion/src/config/ingestion.config';
import { reviewConfigShape } from '../../apps/review/src/config/review.config';

/** Each deployable service and the config schema it validates at boot. */
export const SERVICE_CONFIG_SHAPES = {
  ingestion: ingestionConfigShape,
  graph: graphConfigShape,
  inference: inferenceConfigShape,
  review: reviewConfigShape,
} as const;

export type ServiceName = keyof typeof SERVICE_CONFIG_SHAPES;
export const SERVICE_NAMES = Object.keys(SERVICE_CONFIG_SHAPES) as ServiceName[];
