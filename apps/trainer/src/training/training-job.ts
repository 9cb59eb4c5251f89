import type { CrossValidationResult, Dataset, DataSplitDescription, FeatureDescriptor, ModelKind } from '@loanmesh/ml';

import type { HyperParameters } from './model.factory';

/** Everything needed to train, check and document one model. */
export interface TrainingJob {
  name: string;
  kind: ModelKind;
  featureVersion: string;
  spec: FeatureDescriptor[];
  train: Dataset;
  validation: Dataset;
  test: Dataset;
  split: DataSplitDescription;
  fingerprint: { value: string; rows: number; source: string };
  hyperParameters: HyperParameters;
  crossValidation: CrossValidationResult | null;
  warnings: string[];
}
