/**
 * The AlertPublisher filter that drops alerts a suppression covers, so a suppressed kind from a
 * suppressed source never reaches the outbox, the windows or the notifiers — for file analyses
 * and live capture alike.
 */
import { findSuppression, type Suppression } from '../../preload/api/alerts';
import type { AlertFilter } from './alert-publisher';

/** `current` is read for every batch, so an edit applies to the next detection. */
export function suppressionFilter(current: () => readonly Suppression[]): AlertFilter {
  return (alerts) => {
    const suppressions = current();
    if (suppressions.length === 0) return alerts;
    return alerts.filter((alert) => findSuppression(suppressions, alert) === undefined);
  };
}
