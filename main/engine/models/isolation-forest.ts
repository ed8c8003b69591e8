/**
 * Isolation forest (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008; and its TKDD 2012 long
 * version): anomalies are few and different, so random axis-parallel cuts isolate them in fewer
 * steps than normal points. Each tree is grown on a subsample of ψ rows (256 in the paper and in
 * scikit-learn) by picking a random feature and a split point drawn uniformly between the node's
 * min and max, down to depth ceil(log2 ψ). A row's path length h(x) is the depth of the leaf it
 * reaches plus c(n), the average path length of an unbuilt subtree over the n training rows that
 * leaf held; the score is s = 2^(−E[h(x)] / c(ψ)): near 1 anomalous, below 0.5 normal.
 *
 * Splits follow scikit-learn's IsolationForest (left when x <= threshold; a feature constant in
 * the node is passed over), so the two rank rows alike; the spec checks it against scikit-learn.
 * Seeded: the same rows and seed give the same trees, bit for bit.
 */
import { seededRandom } from '../../../common/seeded-random';
import { leafOf, TreeBuilder, type FlatTree } from './tree-ensemble';

export interface IsolationForestOptions {
  /** Trees; 100 as in the paper (path lengths converge well before). */
  readonly trees?: number;
  /** Rows per tree (ψ); 256 as in the paper. */
  readonly sampleSize?: number;
  readonly seed?: number;
}

export interface IsolationForest {
  readonly trees: readonly FlatTree[];
  /** ψ actually used (min of the option and the rows available). */
  readonly sampleSize: number;
  readonly width: number;
}

const EULER_GAMMA = 0.5772156649015329;

/** c(n): average path length of an unsuccessful search in a binary search tree of n nodes. */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

export function trainIsolationForest(
  rows: Float32Array,
  width: number,
  options: IsolationForestOptions = {},
): IsolationForest {
  const count = Math.floor(rows.length / width);
  if (count < 2) throw new Error(`an isolation forest needs at least 2 rows to learn from, not ${count}`);
  const random = seededRandom(options.seed ?? 1);
  const sampleSize = Math.min(options.sampleSize ?? 256, count);
  const maxDepth = Math.ceil(Math.log2(Math.max(sampleSize, 2)));
  const trees: FlatTree[] = [];
  for (let t = 0; t < (options.trees ?? 100); t++) {
    const sample = sampleWithoutReplacement(count, sampleSize, random);
    trees.push(growTree(rows, width, sample, maxDepth, random));
  }
  return { trees, sampleSize, width };
}

/** Partial Fisher–Yates: `size` distinct row indices. */
function sampleWithoutReplacement(count: number, size: number, random: () => number): Int32Array {
  const pool = new Int32Array(count);
  for (let i = 0; i < count; i++) pool[i] = i;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (count - i));
    const swap = pool[j] ?? 0;
    pool[j] = pool[i] ?? 0;
    pool[i] = swap;
  }
  return pool.slice(0, size);
}

function growTree(
  rows: Float32Array,
  width: number,
  sample: Int32Array,
  maxDepth: number,
  random: () => number,
): FlatTree {
  const builder = new TreeBuilder(1);
  const grow = (indices: Int32Array, depth: number): number => {
    const node = builder.add();
    const leaf = (): number => {
      builder.setValues(node, [depth + averagePathLength(indices.length)]);
      return node;
    };
    if (depth >= maxDepth || indices.length <= 1) return leaf();
    // Features in random order; the first that is not constant here is cut.
    const order = shuffled(width, random);
    for (const feature of order) {
      let min = Infinity;
      let max = -Infinity;
      for (const index of indices) {
        const value = rows[index * width + feature] ?? 0;
        if (value < min) min = value;
        if (value > max) max = value;
      }
      if (!(max > min)) continue;
      const threshold = Math.fround(min + random() * (max - min));
      const goesLeft = indices.filter((index) => (rows[index * width + feature] ?? 0) <= threshold);
      // float32 rounding can push the cut onto max, sending everything left: draw again elsewhere.
      if (goesLeft.length === 0 || goesLeft.length === indices.length) continue;
      const goesRight = indices.filter((index) => (rows[index * width + feature] ?? 0) > threshold);
      const left = grow(goesLeft, depth + 1);
      const right = grow(goesRight, depth + 1);
      builder.split(node, feature, threshold, left, right);
      return node;
    }
    return leaf();
  };
  grow(sample, 0);
  return builder.build();
}

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[j] ?? 0;
    order[j] = order[i] ?? 0;
    order[i] = swap;
  }
  return order;
}

/** E[h(x)]: the mean path length of one row over the forest. */
export function meanPathLength(forest: IsolationForest, row: Float32Array, offset = 0): number {
  let sum = 0;
  for (const tree of forest.trees) sum += tree.values[leafOf(tree, row, offset)] ?? 0;
  return sum / forest.trees.length;
}

/** s(x) = 2^(−E[h(x)] / c(ψ)), in (0, 1]. */
export function anomalyScore(forest: IsolationForest, row: Float32Array, offset = 0): number {
  return 2 ** (-meanPathLength(forest, row, offset) / averagePathLength(forest.sampleSize));
}

/** Scores every row of a row-major matrix. */
export function anomalyScores(forest: IsolationForest, rows: Float32Array): Float64Array {
  const count = Math.floor(rows.length / forest.width);
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) scores[i] = anomalyScore(forest, rows, i * forest.width);
  return scores;
}
