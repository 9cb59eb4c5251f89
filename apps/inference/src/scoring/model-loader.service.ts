import { Injectable } from '@nestjs/common';

import { featureSpec } from '@loanmesh/features';

import { modelReferencesSchema, parseArtifactPart } from '../registry/model-artifact.parser';
import { ModelArtifactSource } from '../registry/model-artifact.store';
import { ModelFilesAdapter, sha256Of } from '../registry/model-files.adapter';
import { ModelRegistryException } from '../registry/model-registry.exception';
import { type ModelVersionEntity, versionLabel } from '../registry/model-version.entity';
import { LoadedModel } from './loaded-model';
import { modelMathFromJson } from './model-math';
import { OnnxRuntimeAdapter } from './onnx-runtime.adapter';

/**
 * Turns a registered version into a serving model: the registry's stored copy of its bytes (the
 * file on disk only for a version registered before the registry kept copies), the hash checked
 * either way, then the session.
 */
@Injectable()
export class ModelLoaderService {
  constructor(
    private readonly files: ModelFilesAdapter,
    private readonly onnx: OnnxRuntimeAdapter,
    private readonly stored: ModelArtifactSource,
  ) {}

  async load(version: ModelVersionEntity): Promise<LoadedModel> {
    const label = versionLabel(version);
    try {
      const copy = await this.stored.find(version.sha256);
      const bytes = copy?.onnx ?? (await this.files.readOnnx(version.filePath));
      const actual = sha256Of(bytes);
      if (actual !== version.sha256) {
        const source = copy ? 'stored copy' : `file ${version.filePath}`;
        throw new Error(`${source} has SHA-256 ${actual}, registered ${version.sha256}`);
      }
      const math = modelMathFromJson(
        version.kind,
        copy?.modelJson ?? (await this.files.readModelJson(version.filePath)),
      );
      const spec = featureSpec({ includeGraph: version.includesGraph });
      const references = this.parseReferences(
        copy ? copy.references : await this.files.readReferences(version.filePath),
      );
      const session = await this.onnx.load(bytes, spec.length);
      const identity = {
        id: version.id,
        label,
        name: version.name,
        sha256: version.sha256,
        kind: version.kind,
        includesGraph: version.includesGraph,
      };
      return new LoadedModel(identity, session, math, spec, references);
    } catch (e) {
      throw new ModelRegistryException('MODEL_LOAD_FAILED', `cannot load ${label}: ${errorText(e)}`);
    }
  }

  private parseReferences(raw: unknown): Record<string, number> | undefined {
    return raw === undefined ? undefined : parseArtifactPart(modelReferencesSchema, raw, 'references file').references;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
