import { Injectable } from '@nestjs/common';

import { featureSpec } from '@loanmesh/features';

import { modelReferencesSchema, parseArtifactPart } from '../registry/model-artifact.parser';
import { ModelFilesAdapter, sha256Of } from '../registry/model-files.adapter';
import { ModelRegistryException } from '../registry/model-registry.exception';
import { type ModelVersionEntity, versionLabel } from '../registry/model-version.entity';
import { LoadedModel } from './loaded-model';
import { modelMathFromJson } from './model-math';
import { OnnxRuntimeAdapter } from './onnx-runtime.adapter';

/** Turns a registered version into a serving model: checks the file's hash, opens the session. */
@Injectable()
export class ModelLoaderService {
  constructor(
    private readonly files: ModelFilesAdapter,
    private readonly onnx: OnnxRuntimeAdapter,
  ) {}

  async load(version: ModelVersionEntity): Promise<LoadedModel> {
    const label = versionLabel(version);
    try {
      const bytes = await this.files.readOnnx(version.filePath);
      const actual = sha256Of(bytes);
      if (actual !== version.sha256) {
        throw new Error(`file ${version.filePath} has SHA-256 ${actual}, registered ${version.sha256}`);
      }
      const math = modelMathFromJson(version.kind, await this.files.readModelJson(version.filePath));
      const spec = featureSpec({ includeGraph: version.includesGraph });
      const references = await this.readReferences(version.filePath);
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

  private async readReferences(onnxPath: string): Promise<Record<string, number> | undefined> {
    const raw = await this.files.readReferences(onnxPath);
    return raw === undefined ? undefined : parseArtifactPart(modelReferencesSchema, raw, 'references file').references;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
