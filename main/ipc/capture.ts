/** Handlers for the capture domain. */
import type { captureRequests } from '../../preload/api/capture';
import { listCaptureInterfaces } from '../capture/interfaces';
import type { DomainHandlers } from './handler';

export function captureHandlers(): DomainHandlers<keyof typeof captureRequests> {
  return {
    'capture:interfaces': () => listCaptureInterfaces(),
  };
}
