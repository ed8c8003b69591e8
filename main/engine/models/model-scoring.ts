/**
 * Model scoring for one analysis: finds the shipped and the user's models, keeps the ones that
 * check out, and gives the detector to run plus what to tell the user (models refused, and why).
 */
import type { DetectorFactory } from '../detect/detector';
import { modelDetector, type ModelScoringOptions } from './model-detector';
import { modelFolders, scanModels, type ModelStatus } from './model-load';

export interface ModelScoringSetup {
  /** The detector to add to the rules; none when no model loaded. */
  readonly detectors: readonly DetectorFactory[];
  readonly statuses: readonly ModelStatus[];
  /** One line per refused model. */
  readonly warnings: readonly string[];
}

export async function setUpModelScoring(
  shippedDir: string | null,
  dataDir: string | null,
  workerPath: string,
  options: Omit<ModelScoringOptions, 'models' | 'workerPath'> = {},
): Promise<ModelScoringSetup> {
  const { loaded, statuses } = await scanModels(modelFolders(shippedDir, dataDir));
  const warnings = statuses
    .filter((status) => status.status === 'refused')
    .map((status) => `model ${status.name} (${status.manifestPath}) was refused: ${status.reason ?? 'unknown reason'}`);
  const detectors = loaded.length === 0 ? [] : [modelDetector({ ...options, models: loaded, workerPath })];
  return { detectors, statuses, warnings };
}
