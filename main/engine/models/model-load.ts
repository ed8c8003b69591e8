/**
 * Finds and checks models: every `<name>.json` manifest in a models folder with the ONNX file it
 * names. A model is refused, with the reason in words, when its manifest is not valid, its file is
 * missing, its sha256 differs from the manifest's, or its graph disagrees with the manifest (input
 * name or width, output names, class count). Refused models never reach the inference worker.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { onnx } from 'onnx-proto';
import { ManifestError, parseManifest, type ModelManifest } from './model-manifest';

/** A checked model, ready for the inference worker. */
export interface LoadedModel {
  readonly manifest: ModelManifest;
  readonly manifestPath: string;
  readonly bytes: Uint8Array;
}

export class ModelRefusedError extends Error {
  override name = 'ModelRefusedError';
}

/** Where a models folder's models come from: shipped with Wirewatch, or the user's own. */
export type ModelOrigin = 'shipped' | 'user';

export interface ModelStatus {
  readonly name: string;
  readonly manifestPath: string;
  readonly origin: ModelOrigin;
  readonly status: 'loaded' | 'refused';
  /** Why it was refused; null when loaded. */
  readonly reason: string | null;
  readonly type: ModelManifest['type'] | null;
  readonly description: string | null;
  readonly features: number | null;
}

function dimsOf(info: onnx.IValueInfoProto | undefined): (number | null)[] {
  return (info?.type?.tensorType?.shape?.dim ?? []).map((dim) =>
    dim.dimValue === undefined || dim.dimValue === null ? null : Number(dim.dimValue),
  );
}

/** Checks an ONNX graph against its manifest; throws ModelRefusedError saying what differs. */
export function checkGraph(bytes: Uint8Array, manifest: ModelManifest): void {
  let model: onnx.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (error) {
    throw new ModelRefusedError(`${manifest.onnx.file} is not an ONNX model: ${(error as Error).message}`);
  }
  const inputs = model.graph?.input ?? [];
  const input = inputs[0];
  if (inputs.length !== 1 || input === undefined) {
    throw new ModelRefusedError(
      `the model takes ${inputs.length} inputs; Wirewatch feeds exactly one [N, features] tensor`,
    );
  }
  if (input.name !== manifest.onnx.input) {
    throw new ModelRefusedError(
      `the model's input is "${input.name ?? ''}", the manifest says "${manifest.onnx.input}"`,
    );
  }
  const dims = dimsOf(input);
  const width = dims[1] ?? null;
  if (dims.length !== 2 || width === null) {
    throw new ModelRefusedError('the model input must be a 2-D tensor [N, features] with a fixed feature count');
  }
  if (width !== manifest.features.length) {
    throw new ModelRefusedError(
      `input width mismatch: the model takes ${width} features, the manifest lists ${manifest.features.length}`,
    );
  }
  const outputs = (model.graph?.output ?? []).map((output) => output.name ?? '');
  if (outputs.join('\n') !== manifest.onnx.outputs.join('\n')) {
    throw new ModelRefusedError(
      `output names differ: the model gives [${outputs.join(', ')}], the manifest says [${manifest.onnx.outputs.join(', ')}]`,
    );
  }
  if (manifest.type === 'anomaly' && outputs.length !== 1) {
    throw new ModelRefusedError(`an anomaly model gives one output (the score), this one gives ${outputs.length}`);
  }
  if (manifest.type === 'classifier') {
    if (outputs.length !== 2) {
      throw new ModelRefusedError(
        `a classifier gives two outputs (label, probabilities), this one gives ${outputs.length}`,
      );
    }
    const classes = dimsOf(model.graph?.output?.[1])[1] ?? null;
    if (classes !== null && classes !== manifest.classes?.length) {
      throw new ModelRefusedError(
        `the model gives ${classes} class probabilities, the manifest names ${manifest.classes?.length ?? 0} classes`,
      );
    }
  }
}

/** Reads and checks one manifest and its model. */
export async function loadModel(manifestPath: string): Promise<LoadedModel> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch (error) {
    throw new ModelRefusedError(`the manifest cannot be read as JSON: ${(error as Error).message}`);
  }
  let manifest: ModelManifest;
  try {
    manifest = parseManifest(value);
  } catch (error) {
    if (error instanceof ManifestError) throw new ModelRefusedError(`the manifest is not valid: ${error.message}`);
    throw error;
  }
  const expectedName = basename(manifestPath, '.json');
  if (manifest.name !== expectedName) {
    throw new ModelRefusedError(`the manifest names the model "${manifest.name}" but is called ${expectedName}.json`);
  }
  const onnxPath = join(manifestPath, '..', manifest.onnx.file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(onnxPath);
  } catch (error) {
    throw new ModelRefusedError(`its model file ${manifest.onnx.file} cannot be read: ${(error as Error).message}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== manifest.onnx.sha256) {
    throw new ModelRefusedError(
      `${manifest.onnx.file} has sha256 ${sha256.slice(0, 12)}…, the manifest expects ${manifest.onnx.sha256.slice(0, 12)}… (the model was changed or replaced)`,
    );
  }
  checkGraph(bytes, manifest);
  return { manifest, manifestPath, bytes };
}

export interface ModelFolder {
  readonly path: string;
  readonly origin: ModelOrigin;
}

/**
 * Every manifest in the folders, checked, in folder order then by name. A later model with a name
 * already loaded is refused (the shipped folder comes first, so a user cannot shadow it by accident).
 */
export async function scanModels(folders: readonly ModelFolder[]): Promise<{
  readonly loaded: readonly LoadedModel[];
  readonly statuses: readonly ModelStatus[];
}> {
  const loaded: LoadedModel[] = [];
  const statuses: ModelStatus[] = [];
  const names = new Map<string, string>();
  for (const folder of folders) {
    let entries: string[];
    try {
      entries = (await readdir(folder.path)).filter((entry) => entry.endsWith('.json')).sort();
    } catch (error) {
      // A folder that does not exist (no user models yet) holds no models; anything else is a problem
      // to show, not a reason to stop an analysis.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      statuses.push({
        name: basename(folder.path),
        manifestPath: folder.path,
        origin: folder.origin,
        status: 'refused',
        reason: `the models folder cannot be read: ${(error as Error).message}`,
        type: null,
        description: null,
        features: null,
      });
      continue;
    }
    for (const entry of entries) {
      const manifestPath = join(folder.path, entry);
      const name = basename(entry, '.json');
      const base = { name, manifestPath, origin: folder.origin };
      try {
        const model = await loadModel(manifestPath);
        const earlier = names.get(model.manifest.name);
        if (earlier !== undefined)
          throw new ModelRefusedError(`a model named "${name}" is already loaded from ${earlier}`);
        names.set(model.manifest.name, manifestPath);
        loaded.push(model);
        statuses.push({
          ...base,
          status: 'loaded',
          reason: null,
          type: model.manifest.type,
          description: model.manifest.description,
          features: model.manifest.features.length,
        });
      } catch (error) {
        if (!(error instanceof ModelRefusedError)) throw error;
        statuses.push({
          ...base,
          status: 'refused',
          reason: error.message,
          type: null,
          description: null,
          features: null,
        });
      }
    }
  }
  return { loaded, statuses };
}

/** The shipped folder and the user's, in the order scanModels wants them. */
export function modelFolders(shipped: string | null, dataDir: string | null): ModelFolder[] {
  const folders: ModelFolder[] = [];
  if (shipped !== null) folders.push({ path: shipped, origin: 'shipped' });
  if (dataDir !== null) folders.push({ path: userModelsDir(dataDir), origin: 'user' });
  return folders;
}

/** Where a user's own models live: `models/` in the data folder. */
export function userModelsDir(dataDir: string): string {
  return join(dataDir, 'models');
}
