/**
 * Minimal protobuf encoder: just enough wire format (varints, length-delimited fields,
 * packed repeated scalars) to serialise ONNX models without a protobuf dependency.
 */
export class ProtobufWriter {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  varintField(field: number, value: number | bigint): this {
    this.tag(field, 0);
    return this.varint(value);
  }

  stringField(field: number, value: string): this {
    return this.bytesField(field, new TextEncoder().encode(value));
  }

  bytesField(field: number, value: Uint8Array): this {
    this.tag(field, 2);
    this.varint(value.length);
    return this.push(value);
  }

  messageField(field: number, message: ProtobufWriter): this {
    return this.bytesField(field, message.finish());
  }

  floatField(field: number, value: number): this {
    this.tag(field, 5);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    return this.push(bytes);
  }

  packedFloats(field: number, values: ArrayLike<number>): this {
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < values.length; i++) {
      view.setFloat32(i * 4, values[i] ?? 0, true);
    }
    return this.bytesField(field, bytes);
  }

  packedVarints(field: number, values: ArrayLike<number>): this {
    const inner = new ProtobufWriter();
    for (let i = 0; i < values.length; i++) {
      inner.varint(values[i] ?? 0);
    }
    return this.bytesField(field, inner.finish());
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  private tag(field: number, wireType: number): this {
    return this.varint(field * 8 + wireType);
  }

  /** Negative numbers are written as 10-byte two's complement, as protobuf requires for int64. */
  private varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    const bytes: number[] = [];
    do {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      if (v !== 0n) {
        byte |= 0x80;
      }
      bytes.push(byte);
    } while (v !== 0n);
    return this.push(Uint8Array.from(bytes));
  }

  private push(bytes: Uint8Array): this {
    this.chunks.push(bytes);
    this.length += bytes.length;
    return this;
  }
}
