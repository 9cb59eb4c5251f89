import type { Json, JsonObject } from './fuzz-record';

/** A path into a JSON value: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

export function cloneJson<T extends Json>(value: T): T {
  return structuredClone(value);
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every leaf (scalar, or empty array/object) with its path, depth first. */
export function leafPaths(value: Json, prefix: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) {
    return value.length === 0 ? [prefix] : value.flatMap((v, i) => leafPaths(v, [...prefix, i]));
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? [prefix] : keys.flatMap((k) => leafPaths(value[k], [...prefix, k]));
  }
  return [prefix];
}

/** Paths of every object member (not array items), at any depth. */
export function memberPaths(value: Json, prefix: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => memberPaths(v, [...prefix, i]));
  }
  if (isObject(value)) {
    return Object.keys(value).flatMap((k) => [[...prefix, k], ...memberPaths(value[k], [...prefix, k])]);
  }
  return [];
}

/** Paths of every object (the root included), where a member can be added. */
export function objectPaths(value: Json, prefix: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => objectPaths(v, [...prefix, i]));
  }
  if (isObject(value)) {
    return [prefix, ...Object.keys(value).flatMap((k) => objectPaths(value[k], [...prefix, k]))];
  }
  return [];
}

export function getAt(root: Json, path: JsonPath): Json | undefined {
  let node: Json | undefined = root;
  for (const step of path) {
    if (Array.isArray(node) && typeof step === 'number') {
      node = node[step];
    } else if (isObject(node) && typeof step === 'string') {
      node = node[step];
    } else {
      return undefined;
    }
  }
  return node;
}

/** Sets (or with `undefined` deletes) the value at a path of a copy; the root path is not allowed. */
export function withAt<T extends Json>(root: T, path: JsonPath, value: Json | undefined): T {
  if (path.length === 0) {
    throw new RangeError('cannot replace the root');
  }
  const copy = cloneJson(root);
  const parent = getAt(copy, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') {
    if (value === undefined) {
      parent.splice(last, 1);
    } else {
      parent[last] = value;
    }
  } else if (isObject(parent) && typeof last === 'string') {
    if (value === undefined) {
      delete parent[last];
    } else {
      parent[last] = value;
    }
  } else {
    throw new RangeError(`no container at ${path.join('.')}`);
  }
  return copy;
}

export function jsonTypeOf(value: Json | undefined): string {
  if (value === undefined) {
    return 'undefined';
  }
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'array' : typeof value;
}
