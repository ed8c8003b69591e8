/**
 * Handlers for the alerts domain: hand over pending alerts and release acknowledged ones, keep the
 * suppression list, and write evidence packets.
 */
import type { AlertOutbox } from '../alerts/alert-outbox';
import type { SuppressionList } from '../alerts/suppression-list';
import type { EvidenceService } from '../evidence/evidence-service';
import type { alertsRequests } from '../../preload/api/alerts';
import type { DomainHandlers } from './handler';

export interface AlertServices {
  readonly outbox: AlertOutbox;
  readonly suppressions: SuppressionList;
  readonly evidence: EvidenceService;
}

export function alertsHandlers(services: AlertServices): DomainHandlers<keyof typeof alertsRequests> {
  const { outbox, suppressions, evidence } = services;
  return {
    'alerts:pending': () => outbox.pending(),
    'alerts:ack': (_context, ids) => ({ released: outbox.acknowledge(ids) }),
    'alerts:suppressions': () => suppressions.list(),
    'alerts:suppression-put': (_context, suppression) => suppressions.put(suppression),
    'alerts:suppression-remove': (_context, id) => suppressions.remove(id),
    'alerts:evidence-save': (_context, alert, folder) => evidence.save(alert, folder),
    'alerts:evidence-read': (_context, path) => evidence.read(path),
    'alerts:wireshark': async () => ({ path: await evidence.wireshark() }),
    'alerts:open-in-wireshark': async (_context, path) => {
      await evidence.openInWireshark(path);
      return { opened: true };
    },
  };
}
