import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** A trained model as the trainer writes it to disk. */
export interface ModelFiles {
  name: string;
  onnxPath: string;
  onnx: Uint8Array;
  sha256: string;
  meta: unknown;
  card: unknown;
  modelJson: unknown;
  /** Training medians (`<name>.references.json`), undefined for a model trained before they were written. */
  references: unknown;
}

/** The file system behind an adapter: lists and reads trainer outputs. */
@Injectable()
export class ModelFilesAdapter {
  /** Model names in a directory: every `<name>.onnx` with its `.meta.json` beside it, sorted. */
  async list(dir: string): Promise<string[]> {
    const files = new Set(await readdir(resolve(dir)));
    return [...files]
      .filter((f) => f.endsWith('.onnx') && files.has(f.replace(/\.onnx$/, '.meta.json')))
      .map((f) => f.replace(/\.onnx$/, ''))
      .sort();
  }

  async read(dir: string, name: string): Promise<ModelFiles> {
    const onnxPath = join(dir, `${name}.onnx`);
    const [onnx, meta, card, modelJson, references] = await Promise.all([
      this.readOnnx(onnxPath),
      readJson(join(dir, `${name}.meta.json`)),
      readJson(join(dir, `${name}.card.json`)),
      readJson(join(dir, `${name}.model.json`)),
      this.readReferences(onnxPath),
    ]);
    return { name, onnxPath, onnx, sha256: sha256Of(onnx), meta, card, modelJson, references };
  }

  async readOnnx(path: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(resolve(path)));
  }

  /** Reads the explainable form of a model (`<name>.model.json` beside its ONNX file). */
  async readModelJson(onnxPath: string): Promise<unknown> {
    return readJson(onnxPath.replace(/\.onnx$/, '.model.json'));
  }

  /**
   * Reads the training medians beside a model (`<name>.references.json`), or undefined for a
   * model trained before the trainer wrote them (reasons then use the spec's fallbacks).
   */
  async readReferences(onnxPath: string): Promise<unknown> {
    try {
      return await readJson(onnxPath.replace(/\.onnx$/, '.references.json'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        return undefined;
      }
      throw e;
    }
  }
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(resolve(path), 'utf8')) as unknown;
}
