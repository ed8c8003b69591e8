/** Handlers for the alerts domain: hand over pending alerts and release acknowledged ones. */
import type { AlertOutbox } from '../alerts/alert-outbox';
import type { alertsRequests } from '../../preload/api/alerts';
import type { DomainHandlers } from './handler';

export function alertsHandlers(outbox: AlertOutbox): DomainHandlers<keyof typeof alertsRequests> {
  return {
    'alerts:pending': () => outbox.pending(),
    'alerts:ack': (_context, ids) => ({ released: outbox.acknowledge(ids) }),
  };
}
