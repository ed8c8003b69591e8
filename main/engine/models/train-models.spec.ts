// Training: seeded and reproducible, thresholds chosen as the manifests say, the classifier naming what it learnt.
import { describe, expect, it } from 'vitest';
import { classProbabilities, trainRandomForest } from './random-forest';
import { syntheticDataset } from './model-test-kit';
import { trainAnomalyModel } from './train-anomaly';
import { trainClassifierModel } from './train-classifier';

const names = { description: 'd', trainingDescription: 't' };

// Real training, real onnxruntime and a real worker thread: slower than a unit test on a busy 2-core machine.
describe('model training', { timeout: 60_000 }, () => {
  it('should give byte-identical models for the same data and seed, and different ones for another seed', () => {
    const data = syntheticDataset(800, 3, true);
    const a = trainAnomalyModel(data, { ...names, name: 'a', seed: 1, trees: 20 });
    const b = trainAnomalyModel(data, { ...names, name: 'a', seed: 1, trees: 20 });
    const c = trainAnomalyModel(data, { ...names, name: 'a', seed: 2, trees: 20 });
    expect(Buffer.from(a.onnx).equals(Buffer.from(b.onnx))).toBe(true);
    expect(JSON.stringify(a.manifest)).toBe(JSON.stringify(b.manifest));
    expect(Buffer.from(a.onnx).equals(Buffer.from(c.onnx))).toBe(false);
  });

  it('should learn the anomaly model from normal flows only and set minFlows above the busiest normal group', () => {
    const data = syntheticDataset(900, 4, true);
    const { manifest } = trainAnomalyModel(data, { ...names, name: 'a', seed: 1, trees: 30 });
    expect(manifest.training.flows).toBe(data.labels.filter((label) => label === 'benign').length);
    const busiest = /busiest normal source or target had (\d+)/.exec(manifest.threshold.method)?.[1];
    expect(manifest.threshold.minFlows).toBe(Math.max(5, 3 * Number(busiest)));
    // The probes are the strange ones: most of them reach the flow threshold.
    const shares = manifest.metrics.flaggedShareByLabel as Record<string, number>;
    expect(shares.port_scan).toBeGreaterThan(0.9);
    expect(manifest.metrics.trainingEpisodesReached).toBe('1/1');
  });

  it('should choose the baseline-only threshold at the 0.9 quantile when no attacks are labelled', () => {
    const { manifest } = trainAnomalyModel(syntheticDataset(500, 5), { ...names, name: 'b', seed: 1, trees: 20 });
    expect(manifest.threshold.method).toMatch(/^flowScore is the 0\.9 quantile of the 500 normal flows/);
    expect(manifest.metrics.trainingEpisodesReached).toBeNull();
  });

  it('should train a classifier that names the labelled kind, judged out of bag', () => {
    const data = syntheticDataset(900, 6, true);
    const model = trainClassifierModel(data, { ...names, name: 'c', seed: 1, trees: 15 });
    expect(model.classes).toEqual(['benign', 'port_scan']);
    expect(model.manifest.metrics.outOfBagAccuracy).toBeGreaterThan(0.98);
    expect(model.manifest.metrics.trainingEpisodesNamedRight).toBe('1/1');
    const probe = 0;
    const probabilities = classProbabilities(model.forest, data.rows, probe * data.features.length);
    expect(probabilities[1]).toBeGreaterThan(0.9);
  });

  it('should give out-of-bag estimates only from trees that did not draw the row', () => {
    const rows = Float32Array.from([0, 0, 1, 1, 0, 1, 1, 0, 5, 5, 6, 6, 5, 6, 6, 5]);
    const labels = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const { outOfBag, forest } = trainRandomForest(rows, 2, labels, 2, { seed: 1, trees: 30, minSamplesSplit: 2 });
    expect(forest.trees).toHaveLength(30);
    for (let i = 0; i < 8; i++) {
      const p = outOfBag[i * 2 + (labels[i] ?? 0)] ?? 0;
      // With 30 trees every row is out of bag for some; the clusters are far apart, so OOB is right.
      expect(p).toBeGreaterThan(0.5);
    }
  });
});
