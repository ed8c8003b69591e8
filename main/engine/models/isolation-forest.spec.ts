// The TypeScript isolation forest against its definition and against scikit-learn's IsolationForest.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../common/seeded-random';
import { anomalyScores, averagePathLength, trainIsolationForest } from './isolation-forest';

const WIDTH = 4;

/**
 * A fixed data set with the shapes flow features have: a heavy-tailed size (log-normal), a count,
 * a bounded ratio and a two-valued protocol-like column; every 40th test row is pushed out of the
 * bulk on one or two columns.
 */
function dataset(count: number, seed: number, outliers: boolean): Float32Array {
  const random = seededRandom(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const rows = new Float32Array(count * WIDTH);
  for (let i = 0; i < count; i++) {
    const odd = outliers && i % 40 === 0;
    rows[i * WIDTH] = Math.fround(Math.log1p(Math.exp(5 + normal() + (odd ? 4 : 0))));
    rows[i * WIDTH + 1] = Math.fround(Math.log1p(Math.floor(random() * 20) + (odd && i % 80 === 0 ? 500 : 0)));
    rows[i * WIDTH + 2] = Math.fround(random());
    rows[i * WIDTH + 3] = random() < 0.7 ? 6 : 17;
  }
  return rows;
}

function csv(rows: Float32Array): string {
  const lines: string[] = [];
  for (let i = 0; i < rows.length / WIDTH; i++)
    lines.push(Array.from(rows.subarray(i * WIDTH, (i + 1) * WIDTH)).join(','));
  return `${lines.join('\n')}\n`;
}

/** Ranks with ties averaged, then Pearson correlation of the ranks. */
function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const rank = (values: ArrayLike<number>): Float64Array => {
    const order = Array.from({ length: values.length }, (_, i) => i).sort(
      (x, y) => (values[x] ?? 0) - (values[y] ?? 0),
    );
    const ranks = new Float64Array(values.length);
    for (let i = 0; i < order.length;) {
      let j = i;
      while (j + 1 < order.length && values[order[j + 1] ?? 0] === values[order[i] ?? 0]) j++;
      for (let k = i; k <= j; k++) ranks[order[k] ?? 0] = (i + j) / 2;
      i = j + 1;
    }
    return ranks;
  };
  const ra = rank(a);
  const rb = rank(b);
  const mean = (ranks: Float64Array): number => ranks.reduce((sum, r) => sum + r, 0) / ranks.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < ra.length; i++) {
    const da = (ra[i] ?? 0) - ma;
    const db = (rb[i] ?? 0) - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return cov / Math.sqrt(va * vb);
}

/** A Python with scikit-learn: Debian's (/usr/bin/python3, python3-sklearn) first, then whatever `python3` is. */
function pythonWithSklearn(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import sklearn'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

const python = pythonWithSklearn();
const folder = mkdtempSync(join(tmpdir(), 'ww-iforest-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Real training, real onnxruntime and a real worker thread: slower than a unit test on a busy 2-core machine.
describe('isolation forest', { timeout: 60_000 }, () => {
  it('should compute c(n) as in the paper', () => {
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    // c(256) = 2 H(255) − 2·255/256 ≈ 10.24 (Liu et al. 2008, eq. 1).
    expect(averagePathLength(256)).toBeCloseTo(10.2448, 3);
  });

  it('should score outliers above the bulk, and the same rows and seed give the same forest', () => {
    const train = dataset(1000, 1, false);
    const test = dataset(400, 2, true);
    const forest = trainIsolationForest(train, WIDTH, { seed: 3 });
    const again = trainIsolationForest(train, WIDTH, { seed: 3 });
    const scores = anomalyScores(forest, test);
    expect(Array.from(anomalyScores(again, test))).toEqual(Array.from(scores));
    let outlierMean = 0;
    let bulkMean = 0;
    for (let i = 0; i < 400; i++) {
      if (i % 40 === 0) outlierMean += (scores[i] ?? 0) / 10;
      else bulkMean += (scores[i] ?? 0) / 390;
    }
    expect(outlierMean).toBeGreaterThan(bulkMean + 0.1);
    for (const score of scores) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  const sklearnCheck = 'should rank rows as scikit-learn IsolationForest does (Spearman ≥ 0.95)';
  (python === null ? it.skip : it)(
    python === null
      ? `${sklearnCheck}: skipped, no python3 here has scikit-learn (apt-get install python3-sklearn)`
      : sklearnCheck,
    () => {
      const train = dataset(2000, 11, false);
      const test = dataset(1000, 12, true);
      writeFileSync(join(folder, 'train.csv'), csv(train));
      writeFileSync(join(folder, 'test.csv'), csv(test));
      // Same ψ (256) and tree count (100); sklearn's score_samples is −s(x).
      const script = [
        'import sys, numpy as np',
        'from sklearn.ensemble import IsolationForest',
        `train = np.loadtxt(sys.argv[1], delimiter=",", dtype=np.float32)`,
        `test = np.loadtxt(sys.argv[2], delimiter=",", dtype=np.float32)`,
        'model = IsolationForest(n_estimators=100, max_samples=256, random_state=0).fit(train)',
        'print("\\n".join(repr(float(-s)) for s in model.score_samples(test)))',
      ].join('\n');
      const output = execFileSync(
        python ?? 'python3',
        ['-c', script, join(folder, 'train.csv'), join(folder, 'test.csv')],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      const theirs = output.trim().split('\n').map(Number);
      expect(theirs).toHaveLength(1000);
      const ours = anomalyScores(trainIsolationForest(train, WIDTH, { seed: 1 }), test);
      const rho = spearman(ours, theirs);
      expect(rho).toBeGreaterThanOrEqual(0.95);
    },
  );
});
