/** Handlers for the capture domain. */
import type { captureRequests } from '../../preload/api/capture';
import type { CaptureService } from '../capture/capture-service';
import type { DomainHandlers } from './handler';

export function captureHandlers(service: CaptureService): DomainHandlers<keyof typeof captureRequests> {
  return {
    'capture:interfaces': () => service.interfaces(),
    'capture:check-filter': (_context, name, filter) => service.checkFilter(name, filter),
    'capture:start': (_context, settings) => service.start(settings),
    'capture:stop': () => service.stop(),
    'capture:status': () => service.status(),
    'capture:learn': (_context, seconds) => service.learn(seconds),
  };
}
