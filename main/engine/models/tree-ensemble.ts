/**
 * Decision trees as flat arrays, the shape both ONNX's TreeEnsemble operators and our own
 * traversal use. Node 0 is the root; an inner node sends a row to `left` when
 * `row[feature] <= threshold` (ONNX mode BRANCH_LEQ, scikit-learn's convention) and to `right`
 * otherwise; a leaf has feature -1 and carries `values` (one per output).
 *
 * Thresholds are float32 values and rows are float32, so a comparison gives the same answer here
 * and in onnxruntime, which compares in float32.
 */

export interface FlatTree {
  readonly feature: Int32Array;
  readonly threshold: Float32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** `outputs` values per node, row-major; meaningful at leaves. */
  readonly values: Float64Array;
  readonly outputs: number;
}

/** Grows a tree node by node; nodes are numbered in the order they are added. */
export class TreeBuilder {
  readonly #feature: number[] = [];
  readonly #threshold: number[] = [];
  readonly #left: number[] = [];
  readonly #right: number[] = [];
  readonly #values: number[] = [];

  constructor(readonly outputs: number) {}

  /** Adds a node (a leaf until split) and returns its id. */
  add(): number {
    this.#feature.push(-1);
    this.#threshold.push(0);
    this.#left.push(-1);
    this.#right.push(-1);
    for (let i = 0; i < this.outputs; i++) this.#values.push(0);
    return this.#feature.length - 1;
  }

  split(node: number, feature: number, threshold: number, left: number, right: number): void {
    this.#feature[node] = feature;
    this.#threshold[node] = threshold;
    this.#left[node] = left;
    this.#right[node] = right;
  }

  setValues(node: number, values: readonly number[]): void {
    for (let i = 0; i < this.outputs; i++) this.#values[node * this.outputs + i] = values[i] ?? 0;
  }

  build(): FlatTree {
    return {
      feature: Int32Array.from(this.#feature),
      threshold: Float32Array.from(this.#threshold),
      left: Int32Array.from(this.#left),
      right: Int32Array.from(this.#right),
      values: Float64Array.from(this.#values),
      outputs: this.outputs,
    };
  }
}

/** The leaf a row reaches. */
export function leafOf(tree: FlatTree, row: Float32Array, offset = 0): number {
  let node = 0;
  for (;;) {
    const feature = tree.feature[node] ?? -1;
    if (feature < 0) return node;
    const value = row[offset + feature] ?? 0;
    node = value <= (tree.threshold[node] ?? 0) ? (tree.left[node] ?? 0) : (tree.right[node] ?? 0);
  }
}

/** Number of nodes in the tree. */
export function nodeCount(tree: FlatTree): number {
  return tree.feature.length;
}
