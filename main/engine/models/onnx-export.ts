/**
 * Writes tree ensembles as ONNX models (onnx-proto), for onnxruntime to run:
 * - an isolation forest as ai.onnx.ml TreeEnsembleRegressor averaging each tree's path length
 *   (leaf depth + c(n)), then the score 2^(−E[h]/c(ψ)) = exp(E[h] · (−ln 2 / c(ψ))) with two
 *   standard ops (Mul, Exp): input `features` float [N, F], output `score` float [N, 1];
 * - a random forest as ai.onnx.ml TreeEnsembleClassifier whose leaves vote their class
 *   frequencies divided by the tree count, so the summed votes are the forest's mean probability:
 *   outputs `label` int64 [N] and `probabilities` float [N, C].
 *
 * ai.onnx.ml opset 3 (onnxruntime 1.30 runs opsets 1–4 of these operators; 5 replaced them with
 * TreeEnsemble), ai.onnx opset 17, IR version 8 (the newest onnx-proto knows). Attribute names as
 * in the ONNX operator docs (Operators-ml.md, TreeEnsembleRegressor-3 / TreeEnsembleClassifier-3).
 * The encoding is deterministic: the same trees give the same bytes.
 */
import { onnx } from 'onnx-proto';
import { averagePathLength, type IsolationForest } from './isolation-forest';
import type { RandomForest } from './random-forest';
import type { FlatTree } from './tree-ensemble';

const ML_DOMAIN = 'ai.onnx.ml';
const ML_OPSET = 3;
const ONNX_OPSET = 17;
const IR_VERSION = 8;
const { AttributeType } = onnx.AttributeProto;
const text = new TextEncoder();

/** Names the exported graphs use; manifests list them and loading checks them. */
export const ONNX_INPUT = 'features';
export const ISOLATION_OUTPUTS = ['score'] as const;
export const CLASSIFIER_OUTPUTS = ['label', 'probabilities'] as const;

function ints(name: string, values: readonly number[]): onnx.IAttributeProto {
  return { name, type: AttributeType.INTS, ints: [...values] };
}
function floats(name: string, values: readonly number[]): onnx.IAttributeProto {
  return { name, type: AttributeType.FLOATS, floats: [...values] };
}
function strings(name: string, values: readonly string[]): onnx.IAttributeProto {
  return { name, type: AttributeType.STRINGS, strings: values.map((value) => text.encode(value)) };
}
function string(name: string, value: string): onnx.IAttributeProto {
  return { name, type: AttributeType.STRING, s: text.encode(value) };
}
function int(name: string, value: number): onnx.IAttributeProto {
  return { name, type: AttributeType.INT, i: value };
}

/** The nodes_* attributes shared by both operators, and each leaf's (tree, node) for the votes. */
function nodeAttributes(trees: readonly FlatTree[]): {
  attributes: onnx.IAttributeProto[];
  leaves: { tree: number; node: number; values: Float64Array }[];
} {
  const treeIds: number[] = [];
  const nodeIds: number[] = [];
  const featureIds: number[] = [];
  const values: number[] = [];
  const modes: string[] = [];
  const trueIds: number[] = [];
  const falseIds: number[] = [];
  const leaves: { tree: number; node: number; values: Float64Array }[] = [];
  trees.forEach((tree, t) => {
    for (let node = 0; node < tree.feature.length; node++) {
      const feature = tree.feature[node] ?? -1;
      treeIds.push(t);
      nodeIds.push(node);
      if (feature < 0) {
        featureIds.push(0);
        values.push(0);
        modes.push('LEAF');
        trueIds.push(0);
        falseIds.push(0);
        leaves.push({ tree: t, node, values: tree.values.subarray(node * tree.outputs, (node + 1) * tree.outputs) });
      } else {
        featureIds.push(feature);
        values.push(tree.threshold[node] ?? 0);
        modes.push('BRANCH_LEQ');
        trueIds.push(tree.left[node] ?? 0);
        falseIds.push(tree.right[node] ?? 0);
      }
    }
  });
  return {
    attributes: [
      ints('nodes_treeids', treeIds),
      ints('nodes_nodeids', nodeIds),
      ints('nodes_featureids', featureIds),
      floats('nodes_values', values),
      strings('nodes_modes', modes),
      ints('nodes_truenodeids', trueIds),
      ints('nodes_falsenodeids', falseIds),
    ],
    leaves,
  };
}

function floatInput(width: number): onnx.IValueInfoProto {
  return tensorInfo(ONNX_INPUT, onnx.TensorProto.DataType.FLOAT, ['N', width]);
}

function tensorInfo(
  name: string,
  type: onnx.TensorProto.DataType,
  dims: readonly (string | number)[],
): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: type,
        shape: { dim: dims.map((dim) => (typeof dim === 'string' ? { dimParam: dim } : { dimValue: dim })) },
      },
    },
  };
}

function encodeModel(graph: onnx.IGraphProto, docString: string): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    producerName: 'wirewatch',
    producerVersion: '1',
    docString,
    opsetImport: [
      { domain: '', version: ONNX_OPSET },
      { domain: ML_DOMAIN, version: ML_OPSET },
    ],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/** The isolation forest with its score transform, as ONNX bytes. */
export function isolationForestToOnnx(forest: IsolationForest, name: string): Uint8Array {
  const { attributes, leaves } = nodeAttributes(forest.trees);
  const regressor: onnx.INodeProto = {
    name: 'forest',
    opType: 'TreeEnsembleRegressor',
    domain: ML_DOMAIN,
    input: [ONNX_INPUT],
    output: ['path_length'],
    attribute: [
      ...attributes,
      int('n_targets', 1),
      string('aggregate_function', 'AVERAGE'),
      string('post_transform', 'NONE'),
      ints(
        'target_treeids',
        leaves.map((leaf) => leaf.tree),
      ),
      ints(
        'target_nodeids',
        leaves.map((leaf) => leaf.node),
      ),
      ints(
        'target_ids',
        leaves.map(() => 0),
      ),
      floats(
        'target_weights',
        leaves.map((leaf) => leaf.values[0] ?? 0),
      ),
    ],
  };
  const factor: onnx.ITensorProto = {
    name: 'minus_ln2_over_c',
    dataType: onnx.TensorProto.DataType.FLOAT,
    dims: [1],
    floatData: [-Math.LN2 / averagePathLength(forest.sampleSize)],
  };
  return encodeModel(
    {
      name,
      node: [
        regressor,
        { name: 'scale', opType: 'Mul', input: ['path_length', 'minus_ln2_over_c'], output: ['exponent'] },
        { name: 'score', opType: 'Exp', input: ['exponent'], output: ['score'] },
      ],
      initializer: [factor],
      input: [floatInput(forest.width)],
      output: [tensorInfo('score', onnx.TensorProto.DataType.FLOAT, ['N', 1])],
    },
    `Isolation forest: ${forest.trees.length} trees, ψ = ${forest.sampleSize}; score = 2^(-E[h]/c(ψ))`,
  );
}

/** The random forest as an ONNX classifier. */
export function randomForestToOnnx(forest: RandomForest, name: string): Uint8Array {
  const { attributes, leaves } = nodeAttributes(forest.trees);
  const classTrees: number[] = [];
  const classNodes: number[] = [];
  const classIds: number[] = [];
  const classWeights: number[] = [];
  for (const leaf of leaves) {
    for (let c = 0; c < forest.classes; c++) {
      const weight = leaf.values[c] ?? 0;
      if (weight === 0) continue;
      classTrees.push(leaf.tree);
      classNodes.push(leaf.node);
      classIds.push(c);
      classWeights.push(weight / forest.trees.length);
    }
  }
  const classifier: onnx.INodeProto = {
    name: 'forest',
    opType: 'TreeEnsembleClassifier',
    domain: ML_DOMAIN,
    input: [ONNX_INPUT],
    output: [...CLASSIFIER_OUTPUTS],
    attribute: [
      ...attributes,
      string('post_transform', 'NONE'),
      ints(
        'classlabels_int64s',
        Array.from({ length: forest.classes }, (_, c) => c),
      ),
      ints('class_treeids', classTrees),
      ints('class_nodeids', classNodes),
      ints('class_ids', classIds),
      floats('class_weights', classWeights),
    ],
  };
  return encodeModel(
    {
      name,
      node: [classifier],
      input: [floatInput(forest.width)],
      output: [
        tensorInfo('label', onnx.TensorProto.DataType.INT64, ['N']),
        tensorInfo('probabilities', onnx.TensorProto.DataType.FLOAT, ['N', forest.classes]),
      ],
    },
    `Random forest classifier: ${forest.trees.length} trees, ${forest.classes} classes`,
  );
}

/** The width of a model's first input, read from its graph; null when it is not a fixed [N, F] float tensor. */
export function onnxInputWidth(bytes: Uint8Array): { name: string; width: number | null } | null {
  const model = onnx.ModelProto.decode(bytes);
  const input = model.graph?.input?.[0];
  if (input === undefined) return null;
  const dims = input.type?.tensorType?.shape?.dim ?? [];
  const last = dims[dims.length - 1];
  const value: unknown = last?.dimValue;
  const width = value === undefined || value === null ? null : Number(value);
  return { name: input.name ?? '', width: dims.length === 2 && width !== null && width > 0 ? width : null };
}
