export type OnnxAttribute =
  | { name: string; kind: 'int'; value: number }
  | { name: string; kind: 'float'; value: number }
  | { name: string; kind: 'string'; value: string }
  | { name: string; kind: 'ints'; value: ArrayLike<number> }
  | { name: string; kind: 'floats'; value: ArrayLike<number> }
  | { name: string; kind: 'strings'; value: readonly string[] };

export interface OnnxNode {
  name: string;
  opType: string;
  domain?: string;
  inputs: string[];
  outputs: string[];
  attributes?: OnnxAttribute[];
}

export interface OnnxTensor {
  name: string;
  dataType: 'float' | 'int64';
  dims: number[];
  values: ArrayLike<number>;
}

/** A float tensor value; a string dimension is symbolic (the batch size). */
export interface OnnxValueInfo {
  name: string;
  dims: (number | string)[];
}

export interface OnnxModelSpec {
  graphName: string;
  docString: string;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  metadata: Record<string, string>;
}
