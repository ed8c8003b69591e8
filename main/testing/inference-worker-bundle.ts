/** The inference worker built for specs that score with real models in a real worker thread. */
import { resolve } from 'node:path';
import { sharedTestBundle } from './test-bundle';

const bundle = sharedTestBundle(
  'inference',
  'inference-worker',
  resolve(import.meta.dirname, '..', 'engine', 'worker', 'inference-worker.ts'),
);

export const inferenceWorkerBundle = bundle.path;
/** Removes the bundle; call from the spec's afterAll. */
export const removeInferenceWorkerBundle = bundle.remove;
