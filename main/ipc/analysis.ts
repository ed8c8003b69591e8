/** Handlers for the analysis domain: analyse, cancel, page through flows, take opened files. */
import type { analysisRequests } from '../../preload/api/analysis';
import { stat } from 'node:fs/promises';
import type { AnalysisService } from '../analysis/analysis-service';
import type { OpenedFiles } from '../files/opened-files';
import type { DomainHandlers } from './handler';

export function analysisHandlers(
  service: AnalysisService,
  openedFiles: OpenedFiles,
  demoCapture: string,
): DomainHandlers<keyof typeof analysisRequests> {
  return {
    'analysis:demo': async () => ((await isFile(demoCapture)) ? demoCapture : null),
    'analysis:start': (_context, path) => service.start(path),
    'analysis:cancel': (_context, id) => ({ cancelled: service.cancel(id) }),
    'analysis:flows': (_context, id, offset, limit) => service.flows(id, offset, limit),
    'analysis:take-opened': () => openedFiles.take(),
  };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isFile(),
    () => false,
  );
}
