import type { OnnxAttribute, OnnxModelSpec, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx-model.types';
import { ProtobufWriter } from './protobuf.writer';

// Field numbers and enum values from onnx/onnx.proto (IR version 8).
const IR_VERSION = 8;
const OPSETS = [
  { domain: '', version: 17 },
  { domain: 'ai.onnx.ml', version: 3 },
];
const TENSOR_FLOAT = 1;
const TENSOR_INT64 = 7;
const ATTR = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

/** Serialises a model spec as an ONNX ModelProto that onnxruntime accepts. */
export function writeOnnxModel(spec: OnnxModelSpec): Uint8Array {
  const model = new ProtobufWriter().varintField(1, IR_VERSION);
  model.stringField(2, 'loanmesh-ml').stringField(3, '1').stringField(6, spec.docString);
  model.messageField(7, graph(spec));
  for (const opset of OPSETS) {
    model.messageField(8, new ProtobufWriter().stringField(1, opset.domain).varintField(2, opset.version));
  }
  for (const [key, value] of Object.entries(spec.metadata)) {
    model.messageField(14, new ProtobufWriter().stringField(1, key).stringField(2, value));
  }
  return model.finish();
}

function graph(spec: OnnxModelSpec): ProtobufWriter {
  const g = new ProtobufWriter();
  spec.nodes.forEach((n) => g.messageField(1, node(n)));
  g.stringField(2, spec.graphName);
  spec.initializers.forEach((t) => g.messageField(5, tensor(t)));
  spec.inputs.forEach((v) => g.messageField(11, valueInfo(v)));
  spec.outputs.forEach((v) => g.messageField(12, valueInfo(v)));
  return g;
}

function node(n: OnnxNode): ProtobufWriter {
  const w = new ProtobufWriter();
  n.inputs.forEach((name) => w.stringField(1, name));
  n.outputs.forEach((name) => w.stringField(2, name));
  w.stringField(3, n.name).stringField(4, n.opType);
  (n.attributes ?? []).forEach((a) => w.messageField(5, attribute(a)));
  if (n.domain) {
    w.stringField(7, n.domain);
  }
  return w;
}

function attribute(a: OnnxAttribute): ProtobufWriter {
  const w = new ProtobufWriter().stringField(1, a.name);
  switch (a.kind) {
    case 'float':
      return w.floatField(2, a.value).varintField(20, ATTR.FLOAT);
    case 'int':
      return w.varintField(3, a.value).varintField(20, ATTR.INT);
    case 'string':
      return w.stringField(4, a.value).varintField(20, ATTR.STRING);
    case 'floats':
      return w.packedFloats(7, a.value).varintField(20, ATTR.FLOATS);
    case 'ints':
      return w.packedVarints(8, a.value).varintField(20, ATTR.INTS);
    case 'strings':
      a.value.forEach((s) => w.stringField(9, s));
      return w.varintField(20, ATTR.STRINGS);
  }
}

function tensor(t: OnnxTensor): ProtobufWriter {
  const w = new ProtobufWriter().packedVarints(1, t.dims);
  w.varintField(2, t.dataType === 'float' ? TENSOR_FLOAT : TENSOR_INT64);
  if (t.dataType === 'float') {
    w.packedFloats(4, t.values);
  } else {
    w.packedVarints(7, t.values);
  }
  return w.stringField(8, t.name);
}

function valueInfo(v: OnnxValueInfo): ProtobufWriter {
  const shape = new ProtobufWriter();
  for (const dim of v.dims) {
    const d = new ProtobufWriter();
    shape.messageField(1, typeof dim === 'number' ? d.varintField(1, dim) : d.stringField(2, dim));
  }
  const tensorType = new ProtobufWriter().varintField(1, TENSOR_FLOAT).messageField(2, shape);
  return new ProtobufWriter().stringField(1, v.name).messageField(2, new ProtobufWriter().messageField(1, tensorType));
}
