import type { Json } from './fuzz-record';
import { type JsonPath, withAt } from './json-tree';

const PLACEHOLDER = '__loanmesh_fuzz_raw__';

/**
 * JSON text of `root` with the value at `path` written as `literal` verbatim: for what
 * JSON.stringify cannot write (1e400, -0, 2^53+1 exactly, NaN) or writes differently.
 */
export function stringifyWithLiteral(root: Json, path: JsonPath, literal: string): string {
  const text = JSON.stringify(withAt(root, path, PLACEHOLDER));
  return text.replace(`"${PLACEHOLDER}"`, literal);
}

/** UTF-8 bytes of `root` with `bytes` spliced into the string at `path` (e.g. invalid UTF-8). */
export function bytesWithInsideString(root: Json, path: JsonPath, bytes: Buffer): Buffer {
  const text = JSON.stringify(withAt(root, path, PLACEHOLDER));
  const at = text.indexOf(PLACEHOLDER);
  return Buffer.concat([
    Buffer.from(text.slice(0, at), 'utf8'),
    bytes,
    Buffer.from(text.slice(at + PLACEHOLDER.length), 'utf8'),
  ]);
}
