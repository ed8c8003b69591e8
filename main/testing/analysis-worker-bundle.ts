/** The analysis worker built for specs that run real analyses in real worker threads. */
import { resolve } from 'node:path';
import { sharedTestBundle } from './test-bundle';

const bundle = sharedTestBundle(
  'worker',
  'analysis-worker',
  resolve(import.meta.dirname, '..', 'engine', 'worker', 'analysis-worker.ts'),
);

export const analysisWorkerBundle = bundle.path;
/** Removes the bundle; call from the spec's afterAll. */
export const removeAnalysisWorkerBundle = bundle.remove;
