/**
 * Random forest classifier (Breiman, "Random Forests", Machine Learning 45, 2001): CART trees split
 * on Gini impurity, each grown on a bootstrap sample and choosing among √F random features at every
 * node; the forest's probability for a class is the mean of the trees' leaf class frequencies.
 * Rows a tree did not draw are its out-of-bag rows: predicting each row only with the trees that
 * never saw it gives an honest estimate of accuracy, and of how sure the forest is on traffic it
 * did not learn from, without holding data back (used to choose thresholds).
 *
 * Seeded: the same rows, labels and seed give the same trees, bit for bit.
 */
import { seededRandom } from '../../../common/seeded-random';
import { leafOf, TreeBuilder, type FlatTree } from './tree-ensemble';

export interface RandomForestOptions {
  readonly trees?: number;
  readonly maxDepth?: number;
  /** A node with fewer rows is not split. */
  readonly minSamplesSplit?: number;
  /** Features tried per split; √F by default. */
  readonly maxFeatures?: number;
  readonly seed?: number;
}

export interface RandomForest {
  readonly trees: readonly FlatTree[];
  readonly classes: number;
  readonly width: number;
}

export interface TrainedRandomForest {
  readonly forest: RandomForest;
  /** Out-of-bag class probabilities per row (row-major, `classes` columns); NaN where every tree saw the row. */
  readonly outOfBag: Float64Array;
}

export function trainRandomForest(
  rows: Float32Array,
  width: number,
  labels: Int32Array,
  classes: number,
  options: RandomForestOptions = {},
): TrainedRandomForest {
  const count = labels.length;
  if (count < 2) throw new Error(`a random forest needs at least 2 rows to learn from, not ${count}`);
  const random = seededRandom(options.seed ?? 1);
  const settings = {
    maxDepth: options.maxDepth ?? 16,
    minSamplesSplit: options.minSamplesSplit ?? 4,
    maxFeatures: options.maxFeatures ?? Math.max(1, Math.round(Math.sqrt(width))),
  };
  const trees: FlatTree[] = [];
  const oobSum = new Float64Array(count * classes);
  const oobVotes = new Uint16Array(count);
  for (let t = 0; t < (options.trees ?? 50); t++) {
    const drawn = new Uint8Array(count);
    const sample = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const index = Math.floor(random() * count);
      sample[i] = index;
      drawn[index] = 1;
    }
    const tree = growTree(rows, width, labels, classes, sample, settings, random);
    trees.push(tree);
    for (let i = 0; i < count; i++) {
      if (drawn[i] === 1) continue;
      const leaf = leafOf(tree, rows, i * width);
      for (let c = 0; c < classes; c++)
        oobSum[i * classes + c] = (oobSum[i * classes + c] ?? 0) + (tree.values[leaf * classes + c] ?? 0);
      oobVotes[i] = (oobVotes[i] ?? 0) + 1;
    }
  }
  for (let i = 0; i < count; i++) {
    const votes = oobVotes[i] ?? 0;
    for (let c = 0; c < classes; c++) {
      oobSum[i * classes + c] = votes === 0 ? Number.NaN : (oobSum[i * classes + c] ?? 0) / votes;
    }
  }
  return { forest: { trees, classes, width }, outOfBag: oobSum };
}

interface GrowSettings {
  readonly maxDepth: number;
  readonly minSamplesSplit: number;
  readonly maxFeatures: number;
}

function growTree(
  rows: Float32Array,
  width: number,
  labels: Int32Array,
  classes: number,
  sample: Int32Array,
  settings: GrowSettings,
  random: () => number,
): FlatTree {
  const builder = new TreeBuilder(classes);
  const counts = new Float64Array(classes);
  const leftCounts = new Float64Array(classes);
  const grow = (indices: Int32Array, depth: number): number => {
    const node = builder.add();
    counts.fill(0);
    for (const index of indices) counts[labels[index] ?? 0] = (counts[labels[index] ?? 0] ?? 0) + 1;
    const frequencies = Array.from(counts, (n) => n / indices.length);
    builder.setValues(node, frequencies);
    const pure = frequencies.some((f) => f === 1);
    if (pure || depth >= settings.maxDepth || indices.length < settings.minSamplesSplit) return node;

    const total = indices.length;
    const parentCounts = Float64Array.from(counts);
    let bestGain = 0;
    let bestFeature = -1;
    let bestThreshold = 0;
    const features = pickFeatures(width, settings.maxFeatures, random);
    const order = new Int32Array(total);
    for (const feature of features) {
      order.set(indices);
      order.sort((a, b) => (rows[a * width + feature] ?? 0) - (rows[b * width + feature] ?? 0));
      leftCounts.fill(0);
      for (let i = 0; i < total - 1; i++) {
        const index = order[i] ?? 0;
        leftCounts[labels[index] ?? 0] = (leftCounts[labels[index] ?? 0] ?? 0) + 1;
        const here = rows[index * width + feature] ?? 0;
        const next = rows[(order[i + 1] ?? 0) * width + feature] ?? 0;
        if (!(next > here)) continue;
        const gain = giniGain(parentCounts, leftCounts, i + 1, total);
        if (gain > bestGain + 1e-12) {
          bestGain = gain;
          bestFeature = feature;
          // Midway between the two values, in float32; rounding up onto `next` would send it left too.
          const middle = Math.fround(here + (next - here) / 2);
          bestThreshold = middle < next ? middle : here;
        }
      }
    }
    if (bestFeature < 0) return node;
    const goesLeft = indices.filter((index) => (rows[index * width + bestFeature] ?? 0) <= bestThreshold);
    const goesRight = indices.filter((index) => (rows[index * width + bestFeature] ?? 0) > bestThreshold);
    const left = grow(goesLeft, depth + 1);
    const right = grow(goesRight, depth + 1);
    builder.split(node, bestFeature, bestThreshold, left, right);
    return node;
  };
  grow(sample, 0);
  return builder.build();
}

/** Parent impurity minus the size-weighted impurity of the two sides. */
function giniGain(parent: Float64Array, left: Float64Array, leftTotal: number, total: number): number {
  const rightTotal = total - leftTotal;
  let parentSum = 0;
  let leftSum = 0;
  let rightSum = 0;
  for (let c = 0; c < parent.length; c++) {
    const p = parent[c] ?? 0;
    const l = left[c] ?? 0;
    const r = p - l;
    parentSum += p * p;
    leftSum += l * l;
    rightSum += r * r;
  }
  const parentGini = 1 - parentSum / (total * total);
  const childGini = (leftTotal - leftSum / leftTotal + (rightTotal - rightSum / rightTotal)) / total;
  return parentGini - childGini;
}

function pickFeatures(width: number, n: number, random: () => number): number[] {
  const order = Array.from({ length: width }, (_, i) => i);
  for (let i = 0; i < Math.min(n, width); i++) {
    const j = i + Math.floor(random() * (width - i));
    const swap = order[j] ?? 0;
    order[j] = order[i] ?? 0;
    order[i] = swap;
  }
  return order.slice(0, Math.min(n, width));
}

/** Class probabilities of one row: the mean of the trees' leaf frequencies. */
export function classProbabilities(forest: RandomForest, rows: Float32Array, offset = 0): Float64Array {
  const sum = new Float64Array(forest.classes);
  for (const tree of forest.trees) {
    const leaf = leafOf(tree, rows, offset);
    for (let c = 0; c < forest.classes; c++) sum[c] = (sum[c] ?? 0) + (tree.values[leaf * forest.classes + c] ?? 0);
  }
  for (let c = 0; c < forest.classes; c++) sum[c] = (sum[c] ?? 0) / forest.trees.length;
  return sum;
}
