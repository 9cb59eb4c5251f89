import type { OnnxNode } from './onnx-model.types';

/** Sigmoid over the [N, 1] logit tensor: the shared last node of every exported model. */
export function probabilityTail(logitName: string): OnnxNode[] {
  return [{ name: 'sigmoid', opType: 'Sigmoid', inputs: [logitName], outputs: ['probability'] }];
}
