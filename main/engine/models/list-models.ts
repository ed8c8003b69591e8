/** The models Settings lists: shipped and the user's own, each loaded or refused with the reason. */
import type { ModelList } from '../../../preload/api/settings';
import { modelFolders, scanModels, userModelsDir } from './model-load';

export async function listModels(shippedDir: string | null, dataDir: string): Promise<ModelList> {
  const { statuses } = await scanModels(modelFolders(shippedDir, dataDir));
  return {
    userFolder: userModelsDir(dataDir),
    models: statuses.map((status) => ({
      name: status.name,
      origin: status.origin,
      status: status.status,
      reason: status.reason,
      type: status.type,
      description: status.description,
      features: status.features,
      manifestPath: status.manifestPath,
    })),
  };
}
