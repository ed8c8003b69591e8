/** Contacts for notification tests, complete as the schema outputs them. */
import type { Contact } from '../../../preload/api/contacts';

export function sampleContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    name: 'Ops',
    email: 'ops@example.org',
    phone: null,
    webhook: null,
    enabled: true,
    channels: ['email'],
    minSeverity: 'low',
    kinds: [],
    quietHours: null,
    criticalOverridesQuiet: true,
    maxPerHour: 10,
    digestBelow: null,
    sessionReport: false,
    smsGateway: null,
    webhookFormat: 'json',
    ...overrides,
  };
}
