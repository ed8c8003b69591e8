// Manifests are checked against their ONNX models; a mismatch is refused with a reason a person can act on.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadModel, modelFolders, scanModels, userModelsDir } from './model-load';
import { parseManifest, type ModelManifest } from './model-manifest';
import { syntheticDataset } from './model-test-kit';
import { isolationForestToOnnx } from './onnx-export';
import { trainIsolationForest } from './isolation-forest';
import { trainAnomalyModel } from './train-anomaly';
import { trainClassifierModel } from './train-classifier';
import { writeModel } from './write-model';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ww-models-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const anomaly = () =>
  trainAnomalyModel(syntheticDataset(600, 1), {
    name: 'net',
    description: 'd',
    trainingDescription: 't',
    seed: 1,
    trees: 10,
  });

async function editManifest(name: string, edit: (manifest: ModelManifest) => unknown): Promise<void> {
  const path = join(folder, `${name}.json`);
  const manifest = parseManifest(JSON.parse(await readFile(path, 'utf8')));
  await writeFile(path, JSON.stringify(edit(manifest)));
}

// Real training, real onnxruntime and a real worker thread: slower than a unit test on a busy 2-core machine.
describe('model manifests', { timeout: 60_000 }, () => {
  it('should load a trained model whose manifest matches it', async () => {
    await writeModel(folder, anomaly());
    const model = await loadModel(join(folder, 'net.json'));
    expect(model.manifest.type).toBe('anomaly');
    expect(model.manifest.features).toHaveLength(27);
    expect(model.manifest.threshold.method).toMatch(/quantile/);
    expect(model.manifest.baseline.median).toHaveLength(27);
  });

  it('should refuse a model file that is not the one the manifest hashed', async () => {
    await writeModel(folder, anomaly());
    const other = trainIsolationForest(syntheticDataset(300, 5).rows, 27, { seed: 9, trees: 5 });
    await writeFile(join(folder, 'net.onnx'), isolationForestToOnnx(other, 'net'));
    await expect(loadModel(join(folder, 'net.json'))).rejects.toThrow(
      /sha256 .* the manifest expects .* \(the model was changed or replaced\)/,
    );
  });

  it('should refuse a manifest listing more features than the model takes', async () => {
    const model = anomaly();
    const wider = { ...model.manifest.features[0], name: 'iat_min' as const, scaling: 'log1p' as const };
    await writeModel(folder, {
      ...model,
      manifest: {
        ...model.manifest,
        features: [...model.manifest.features, wider],
        baseline: {
          ...model.manifest.baseline,
          p05: [...model.manifest.baseline.p05, 0],
          median: [...model.manifest.baseline.median, 0],
          p95: [...model.manifest.baseline.p95, 0],
        },
      },
    });
    await expect(loadModel(join(folder, 'net.json'))).rejects.toThrow(
      'input width mismatch: the model takes 27 features, the manifest lists 28',
    );
  });

  it('should refuse output names the model does not have', async () => {
    await writeModel(folder, anomaly());
    await editManifest('net', (manifest) => ({ ...manifest, onnx: { ...manifest.onnx, outputs: ['anomaly_score'] } }));
    await expect(loadModel(join(folder, 'net.json'))).rejects.toThrow(
      'output names differ: the model gives [score], the manifest says [anomaly_score]',
    );
  });

  it('should refuse a manifest that is not valid, naming the field', async () => {
    await writeModel(folder, anomaly());
    await editManifest('net', (manifest) => ({ ...manifest, features: [{ name: 'colour', scaling: 'log1p' }] }));
    await expect(loadModel(join(folder, 'net.json'))).rejects.toThrow(
      /the manifest is not valid: features\.0\.name: is not a flow feature/,
    );
  });

  it('should list shipped and user models with their status, refusing a name already taken', async () => {
    const shipped = join(folder, 'shipped');
    const data = join(folder, 'data');
    await writeModel(shipped, anomaly());
    await writeModel(
      shipped,
      trainClassifierModel(syntheticDataset(900, 2, true), {
        name: 'kinds',
        description: 'd',
        trainingDescription: 't',
        seed: 1,
        trees: 5,
      }),
    );
    await writeModel(userModelsDir(data), anomaly());
    await writeFile(join(userModelsDir(data), 'broken.json'), '{"format":');
    const { loaded, statuses } = await scanModels(modelFolders(shipped, data));
    expect(loaded.map((model) => model.manifest.name)).toEqual(['kinds', 'net']);
    expect(statuses.map((status) => [status.origin, status.name, status.status])).toEqual([
      ['shipped', 'kinds', 'loaded'],
      ['shipped', 'net', 'loaded'],
      ['user', 'broken', 'refused'],
      ['user', 'net', 'refused'],
    ]);
    expect(statuses[2]?.reason).toMatch(/cannot be read as JSON/);
    expect(statuses[3]?.reason).toMatch(/a model named "net" is already loaded from/);
  });

  it('should find no models in a data folder that has none yet', async () => {
    const { loaded, statuses } = await scanModels(modelFolders(null, join(folder, 'nothing')));
    expect(loaded).toEqual([]);
    expect(statuses).toEqual([]);
  });
});
