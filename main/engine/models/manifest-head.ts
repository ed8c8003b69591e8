/**
 * What every trained model's manifest opens with, whatever the model: its identity, the ONNX file it
 * describes (name, hash, input, outputs) and the features it reads, in order. Both trainers build
 * their manifests on it so the parts model-load.ts checks against the ONNX file are made one way.
 */
import { createHash } from 'node:crypto';
import type { FlowDataset } from './flow-dataset';
import { MANIFEST_FORMAT, type ModelManifest } from './model-manifest';
import { ONNX_INPUT } from './onnx-export';

export type ManifestHead = Pick<ModelManifest, 'format' | 'name' | 'type' | 'description' | 'onnx' | 'features'>;

export function manifestHead(
  type: ModelManifest['type'],
  model: { readonly name: string; readonly description: string },
  onnx: Uint8Array,
  outputs: readonly string[],
  dataset: FlowDataset,
): ManifestHead {
  return {
    format: MANIFEST_FORMAT,
    name: model.name,
    type,
    description: model.description,
    onnx: {
      file: `${model.name}.onnx`,
      sha256: createHash('sha256').update(onnx).digest('hex'),
      input: ONNX_INPUT,
      outputs: [...outputs],
    },
    features: dataset.features.map((feature) => ({ name: feature.name, scaling: feature.scaling })),
  };
}
