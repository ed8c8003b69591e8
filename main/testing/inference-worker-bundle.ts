/** The inference worker built for specs that score with real models in a real worker thread. */
import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { scanModels, type LoadedModel } from '../engine/models/model-load';
import { sharedTestBundle } from './test-bundle';

const SHIPPED_MODELS = resolve(import.meta.dirname, '..', '..', 'models');

const bundle = sharedTestBundle(
  'inference',
  'inference-worker',
  resolve(import.meta.dirname, '..', 'engine', 'worker', 'inference-worker.ts'),
);

export const inferenceWorkerBundle = bundle.path;
/** Removes the bundle; call from the spec's afterAll. */
export const removeInferenceWorkerBundle = bundle.remove;

/**
 * For a spec file that scores with the shipped models: builds the worker and loads `models/` before
 * its tests, removes the worker after them. Read the two getters inside tests.
 */
export function useShippedModels(): { workerPath(): string; models(): readonly LoadedModel[] } {
  let workerPath = '';
  let models: readonly LoadedModel[] = [];
  beforeAll(async () => {
    workerPath = await inferenceWorkerBundle();
    ({ loaded: models } = await scanModels([{ path: SHIPPED_MODELS, origin: 'shipped' }]));
  }, 60_000);
  afterAll(removeInferenceWorkerBundle);
  return { workerPath: () => workerPath, models: () => models };
}
