/** Writes a trained model as `<name>.onnx` plus its `<name>.json` manifest, byte for byte the same for the same model. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrainedModel } from './train-anomaly';

export async function writeModel(folder: string, model: TrainedModel): Promise<{ onnx: string; manifest: string }> {
  await mkdir(folder, { recursive: true });
  const onnx = join(folder, model.manifest.onnx.file);
  const manifest = join(folder, `${model.manifest.name}.json`);
  // Model first, manifest last, each through a temporary name: a reader never sees a manifest
  // whose model is half written (it would be refused for its hash, not crash).
  await writeFile(`${onnx}.tmp`, model.onnx);
  await rename(`${onnx}.tmp`, onnx);
  await writeFile(`${manifest}.tmp`, `${JSON.stringify(model.manifest, null, 2)}\n`);
  await rename(`${manifest}.tmp`, manifest);
  return { onnx, manifest };
}
