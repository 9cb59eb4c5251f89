// Jest runs tests in a separate V8 context, so typed arrays made by onnxruntime-node's native
// binding fail onnxruntime-common's `instanceof Float32Array` checks. This environment shares
// the outer realm's typed-array constructors with the test context. Use it with the docblock
// `@jest-environment ./libs/ml/src/testing/onnx-test.environment.cjs` on specs that run ONNX.
const { TestEnvironment } = require('jest-environment-node');

const SHARED = [
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class OnnxTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = OnnxTestEnvironment;
