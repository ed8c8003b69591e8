/**
 * Who gets what, now or later. Per contact: enabled, at least the minimum severity, one of the
 * kinds of interest (none listed means all). Then: during quiet hours an alert waits for the
 * digest after them (critical ones go through where the contact allows it); below the contact's
 * digest severity it waits for the digest; past the hourly limit it waits too. Nothing is dropped
 * that matched the contact's filters.
 */
import type { Alert } from '../../preload/api/alerts';
import type { Contact } from '../../preload/api/contacts';
import { severityRank, type Deferral } from '../../preload/api/notify';
import { inQuietHours } from './quiet-hours';
import type { RateLimiter } from './rate-limiter';

export type Route =
  { readonly action: 'skip' } | { readonly action: 'send' } | { readonly action: 'defer'; readonly why: Deferral };

/** Whether the contact wants this alert at all. */
export function wants(contact: Contact, alert: Alert): boolean {
  return (
    contact.enabled &&
    contact.channels.length > 0 &&
    severityRank(alert.severity) >= severityRank(contact.minSeverity) &&
    (contact.kinds.length === 0 || contact.kinds.includes(alert.kind))
  );
}

export function route(contact: Contact, alert: Alert, now: number, limiter: RateLimiter): Route {
  if (!wants(contact, alert)) return { action: 'skip' };
  const critical = alert.severity === 'critical';
  if (inQuietHours(contact.quietHours, now) && !(critical && contact.criticalOverridesQuiet)) {
    return { action: 'defer', why: 'quiet-hours' };
  }
  if (contact.digestBelow !== null && severityRank(alert.severity) < severityRank(contact.digestBelow)) {
    return { action: 'defer', why: 'digest' };
  }
  if (!limiter.take(contact.id, contact.maxPerHour, now)) return { action: 'defer', why: 'rate-limit' };
  return { action: 'send' };
}
