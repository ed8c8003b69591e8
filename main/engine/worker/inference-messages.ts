/** Messages between a model detector and its inference worker thread (structured-clone safe). */
import type { ModelManifest } from '../models/model-manifest';

/** A model as the worker receives it: checked manifest and ONNX bytes. */
export interface WorkerModel {
  readonly manifest: ModelManifest;
  readonly bytes: Uint8Array;
  /** Which of a batch's row sets it reads (models with the same features share one). */
  readonly input: number;
}

export type ToInferenceWorker =
  | { readonly type: 'load'; readonly models: readonly WorkerModel[] }
  /** One row-major set of `count` rows per model input (WorkerModel.input); transferred, not copied. */
  | {
      readonly type: 'score';
      readonly batch: number;
      readonly inputs: readonly Float32Array[];
      readonly count: number;
    };

/** The few features that moved one flow's score most, by how much the score falls when each is set to its baseline median. */
export interface FeatureContribution {
  /** Index into the model's features. */
  readonly feature: number;
  /** Score with the flow's own value minus score with the baseline median (positive: it made the flow stranger). */
  readonly delta: number;
}

/** One model's verdicts on a batch. */
export interface ModelVerdicts {
  readonly model: string;
  /** anomaly: the score; classifier: the probability of the most likely class. */
  readonly scores: Float32Array;
  /** classifier: index of the most likely class; anomaly: empty. */
  readonly classes: Int32Array;
  /** Explanations of flagged rows (the highest scoring few per batch): row index -> contributions. */
  readonly explanations: readonly { readonly row: number; readonly contributions: readonly FeatureContribution[] }[];
}

export type FromInferenceWorker =
  /** The models whose sessions opened, and those onnxruntime would not open, with its reason. */
  | {
      readonly type: 'loaded';
      readonly models: readonly string[];
      readonly refused: readonly { readonly name: string; readonly message: string }[];
    }
  | {
      readonly type: 'scored';
      readonly batch: number;
      readonly count: number;
      readonly verdicts: readonly ModelVerdicts[];
    }
  /** Loading or scoring failed without killing the thread (a model onnxruntime rejects). */
  | { readonly type: 'failed'; readonly batch: number | null; readonly message: string };
