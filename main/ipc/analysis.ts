/** Handlers for the analysis domain: recognise capture files, hand over files opened by the OS. */
import { ContractError } from '../../preload/api/errors';
import type { analysisRequests } from '../../preload/api/analysis';
import { CaptureFileError, inspectCaptureFile } from '../engine/sources/inspect';
import type { OpenedFiles } from '../files/opened-files';
import type { DomainHandlers } from './handler';

export function analysisHandlers(openedFiles: OpenedFiles): DomainHandlers<keyof typeof analysisRequests> {
  return {
    'analysis:inspect': async (_context, path) => {
      try {
        return await inspectCaptureFile(path);
      } catch (error) {
        if (error instanceof CaptureFileError) throw new ContractError(error.problem, error.message);
        throw error;
      }
    },
    'analysis:take-opened': () => openedFiles.take(),
  };
}
