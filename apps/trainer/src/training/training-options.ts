import type { ModelKind } from '@loanmesh/ml';

import type { HyperParameters } from './model.factory';

export interface CommonTrainingOptions {
  out: string;
  name: string;
  seed: number;
  folds: number;
  kinds: ModelKind[];
  approvalRate: number;
  hyperParameters: HyperParameters;
}
