// The exported ONNX models run in the real onnxruntime-node and must give the TypeScript forests' own answers.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../common/seeded-random';
import { anomalyScores, trainIsolationForest } from './isolation-forest';
import { isolationForestToOnnx, onnxInputWidth, randomForestToOnnx } from './onnx-export';
import { classProbabilities, trainRandomForest } from './random-forest';

const WIDTH = 5;

/** Two clusters plus scattered outliers, in float32. */
function rows(count: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const out = new Float32Array(count * WIDTH);
  for (let i = 0; i < count; i++) {
    const centre = i % 2 === 0 ? 1 : 5;
    const outlier = i % 50 === 0 ? 8 : 0;
    for (let f = 0; f < WIDTH; f++) out[i * WIDTH + f] = centre + outlier + random() * (f + 1);
  }
  return out;
}

async function run(bytes: Uint8Array, input: Float32Array): Promise<ort.InferenceSession.OnnxValueMapType> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1 });
  try {
    return await session.run({ features: new ort.Tensor('float32', input, [input.length / WIDTH, WIDTH]) });
  } finally {
    await session.release();
  }
}

// Real training, real onnxruntime and a real worker thread: slower than a unit test on a busy 2-core machine.
describe('ONNX export', { timeout: 60_000 }, () => {
  it('should give the isolation forest score onnxruntime computes, within 1e-5', async () => {
    const forest = trainIsolationForest(rows(600, 1), WIDTH, { seed: 7 });
    const test = rows(300, 2);
    const expected = anomalyScores(forest, test);
    const output = await run(isolationForestToOnnx(forest, 'test'), test);
    const scores = output.score?.data as Float32Array;
    expect(scores).toHaveLength(300);
    let worst = 0;
    expected.forEach((value, i) => (worst = Math.max(worst, Math.abs(value - (scores[i] ?? 0)))));
    expect(worst).toBeLessThan(1e-5);
    // Outliers score above the clusters' rows.
    expect(expected[0]).toBeGreaterThan(expected[1] ?? 1);
  });

  it('should give the random forest probabilities and labels onnxruntime computes', async () => {
    const train = rows(600, 3);
    const labels = Int32Array.from({ length: 600 }, (_, i) => (i % 50 === 0 ? 2 : i % 2));
    const { forest } = trainRandomForest(train, WIDTH, labels, 3, { seed: 5, trees: 20 });
    const test = rows(200, 4);
    const output = await run(randomForestToOnnx(forest, 'test'), test);
    const probabilities = output.probabilities?.data as Float32Array;
    const label = output.label?.data as BigInt64Array;
    for (let i = 0; i < 200; i++) {
      const expected = classProbabilities(forest, test, i * WIDTH);
      for (let c = 0; c < 3; c++)
        expect(Math.abs((expected[c] ?? 0) - (probabilities[i * 3 + c] ?? 0))).toBeLessThan(1e-5);
      const best = expected.indexOf(Math.max(...expected));
      expect(Number(label[i])).toBe(best);
    }
  });

  it('should encode the same forest to the same bytes and declare its input width', () => {
    const train = rows(400, 9);
    const a = isolationForestToOnnx(trainIsolationForest(train, WIDTH, { seed: 3 }), 'x');
    const b = isolationForestToOnnx(trainIsolationForest(train, WIDTH, { seed: 3 }), 'x');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(onnxInputWidth(a)).toEqual({ name: 'features', width: WIDTH });
  });
});
