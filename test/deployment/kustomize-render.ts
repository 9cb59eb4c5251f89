import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { parseAllDocuments, parse } from 'yaml';

/**
 * A Kubernetes object as parsed from YAML: only the fields every object has are typed; the
 * schema checks (kubernetes-models) and policy checks read the rest.
 */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> } & Record<string, unknown>;
  [field: string]: unknown;
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * The subset of a kustomization.yaml this renderer understands. Anything else in a file is an
 * error (renderKustomization throws), so a field added to an overlay cannot be silently ignored.
 */
interface Kustomization {
  apiVersion?: string;
  kind?: string;
  /** Sets metadata.namespace of every namespaced object of this level (bases included). */
  namespace?: string;
  /** Files (multi-document YAML) or directories holding a kustomization.yaml. */
  resources?: string[];
  /** Strategic-merge patches from files, matched by kind and name (and namespace if given). */
  patches?: { path: string }[];
  /** Image name, tag or digest overrides of containers and initContainers. */
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
}

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'patches', 'images']);

/** Kinds without a namespace: the namespace field leaves them alone (as kustomize does). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'ClusterSecretStore',
  'CustomResourceDefinition',
]);

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseYamlObjects(file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => {
      if (d.errors.length > 0) {
        throw new Error(`${file}: ${d.errors[0].message}`);
      }
      return d.toJS() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null);
}

/**
 * Strategic merge for the shapes used here: maps merge key by key; a list whose items all
 * carry `name` (containers, env, volumes, ports) merges item by item on that key, as the
 * Kubernetes merge keys of those fields do; any other list or scalar is replaced.
 */
export function strategicMerge(target: Json, patch: Json): Json {
  if (isObject(target) && isObject(patch)) {
    const merged: JsonObject = { ...target };
    for (const [key, value] of Object.entries(patch)) {
      merged[key] = key in target ? strategicMerge(target[key], value) : value;
    }
    return merged;
  }
  const named = (list: Json[]): list is JsonObject[] =>
    list.every((item) => isObject(item) && typeof item.name === 'string');
  if (Array.isArray(target) && Array.isArray(patch) && named(target) && named(patch)) {
    const merged = target.map((item) => {
      const override = patch.find((p) => p.name === item.name);
      return override === undefined ? item : strategicMerge(item, override);
    });
    return [...merged, ...patch.filter((p) => !target.some((item) => item.name === p.name))];
  }
  return patch;
}

/** kustomize's images field: rewrites `image` of every container and init container. */
function applyImages(object: K8sObject, images: NonNullable<Kustomization['images']>): K8sObject {
  const retag = (container: Json): Json => {
    if (!isObject(container) || typeof container.image !== 'string') {
      return container;
    }
    const [name, tag] = splitImage(container.image);
    const rule = images.find((i) => i.name === name);
    if (rule === undefined) {
      return container;
    }
    const newName = rule.newName ?? name;
    const image = rule.digest ? `${newName}@${rule.digest}` : `${newName}:${rule.newTag ?? tag ?? 'latest'}`;
    return { ...container, image };
  };
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) {
      return node.map(walk);
    }
    if (!isObject(node)) {
      return node;
    }
    const out: JsonObject = {};
    for (const [field, value] of Object.entries(node)) {
      const containers = (field === 'containers' || field === 'initContainers') && Array.isArray(value);
      out[field] = containers ? value.map(retag) : walk(value);
    }
    return out;
  };
  return walk(object as unknown as Json) as unknown as K8sObject;
}

function splitImage(image: string): [string, string | undefined] {
  const at = image.indexOf('@');
  if (at >= 0) {
    return [image.slice(0, at), undefined];
  }
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? [image.slice(0, colon), image.slice(colon + 1)] : [image, undefined];
}

/**
 * Renders a kustomization directory offline, without a kustomize binary, for the fields in
 * `Kustomization` above, in kustomize's order: resources (bases rendered first), patches,
 * namespace, images. The result is what `kubectl apply -k <dir>` would send for these files.
 */
export function renderKustomization(dir: string): K8sObject[] {
  const file = join(dir, 'kustomization.yaml');
  const kustomization = parse(readFileSync(file, 'utf8')) as Kustomization;
  const unknown = Object.keys(kustomization).filter((f) => !KNOWN_FIELDS.has(f));
  if (unknown.length > 0) {
    throw new Error(`${file}: fields this renderer does not implement: ${unknown.join(', ')}`);
  }
  let objects: K8sObject[] = (kustomization.resources ?? []).flatMap((entry) => {
    const path = resolve(dir, entry);
    if (!existsSync(path)) {
      throw new Error(`${file}: resource ${entry} does not exist`);
    }
    return statSync(path).isDirectory() ? renderKustomization(path) : parseYamlObjects(path);
  });
  for (const { path } of kustomization.patches ?? []) {
    for (const patch of parseYamlObjects(resolve(dir, path))) {
      const matches = objects.filter(
        (o) =>
          o.kind === patch.kind &&
          o.metadata.name === patch.metadata.name &&
          (patch.metadata.namespace === undefined || patch.metadata.namespace === o.metadata.namespace),
      );
      if (matches.length !== 1) {
        throw new Error(`${file}: patch ${path} matches ${matches.length} objects, not one`);
      }
      objects = objects.map((o) =>
        o === matches[0] ? (strategicMerge(o as unknown as Json, patch as unknown as Json) as unknown as K8sObject) : o,
      );
    }
  }
  const { namespace } = kustomization;
  if (namespace !== undefined) {
    objects = objects.map((o) => (CLUSTER_SCOPED.has(o.kind) ? o : { ...o, metadata: { ...o.metadata, namespace } }));
  }
  if (kustomization.images !== undefined) {
    const images = kustomization.images;
    objects = objects.map((o) => applyImages(o, images));
  }
  return objects;
}

/** The repository's k8s directory, and the overlays `npm test` renders. */
export const K8S_DIR = join(dirname(dirname(__dirname)), 'k8s');
export const OVERLAYS = ['local', 'production'] as const;
export type OverlayName = (typeof OVERLAYS)[number];
export const renderOverlay = (overlay: OverlayName): K8sObject[] =>
  renderKustomization(join(K8S_DIR, 'overlays', overlay));
