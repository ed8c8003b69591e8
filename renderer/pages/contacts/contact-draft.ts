/**
 * The Edit Contacts form as strings and checkboxes, and the step to a Contact: empty fields become
 * null, then the contract's schema checks it, so the window and main judge a contact the same way.
 */
import * as v from 'valibot';
import {
  ContactSchema,
  contactProblems,
  type AlertKind,
  type Contact,
  type NotifyChannel,
  type Severity,
  type WebhookFormat,
} from '../../../preload/api';

export interface ContactDraft {
  id: string;
  name: string;
  email: string;
  phone: string;
  webhook: string;
  enabled: boolean;
  channels: NotifyChannel[];
  minSeverity: Severity;
  kinds: AlertKind[];
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
  timeZone: string;
  criticalOverridesQuiet: boolean;
  maxPerHour: string;
  digestBelow: Severity | '';
  sessionReport: boolean;
  smsGateway: string;
  webhookFormat: WebhookFormat;
}

export type DraftProblems = Partial<Record<keyof Contact | 'form' | 'maxPerHour', string>>;

/** The zone the person's browser is in, as the default for quiet hours. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function emptyDraft(id: string): ContactDraft {
  return {
    id,
    name: '',
    email: '',
    phone: '',
    webhook: '',
    enabled: true,
    channels: ['email'],
    minSeverity: 'medium',
    kinds: [],
    quiet: false,
    quietFrom: '22:00',
    quietTo: '07:00',
    timeZone: localTimeZone(),
    criticalOverridesQuiet: true,
    maxPerHour: '10',
    digestBelow: '',
    sessionReport: false,
    smsGateway: '',
    webhookFormat: 'json',
  };
}

export function draftOf(contact: Contact): ContactDraft {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    webhook: contact.webhook ?? '',
    enabled: contact.enabled,
    channels: [...contact.channels],
    minSeverity: contact.minSeverity,
    kinds: [...contact.kinds],
    quiet: contact.quietHours !== null,
    quietFrom: contact.quietHours?.from ?? '22:00',
    quietTo: contact.quietHours?.to ?? '07:00',
    timeZone: contact.quietHours?.timeZone ?? localTimeZone(),
    criticalOverridesQuiet: contact.criticalOverridesQuiet,
    maxPerHour: String(contact.maxPerHour),
    digestBelow: contact.digestBelow ?? '',
    sessionReport: contact.sessionReport,
    smsGateway: contact.smsGateway ?? '',
    webhookFormat: contact.webhookFormat,
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

function inputOf(draft: ContactDraft): unknown {
  const perHour = draft.maxPerHour.trim();
  return {
    id: draft.id,
    name: draft.name,
    email: orNull(draft.email),
    // People type spaces and dashes in numbers; E.164 has none.
    phone: orNull(draft.phone.replace(/[\s()-]/g, '')),
    webhook: orNull(draft.webhook),
    enabled: draft.enabled,
    channels: draft.channels,
    minSeverity: draft.minSeverity,
    kinds: draft.kinds,
    quietHours: draft.quiet ? { from: draft.quietFrom, to: draft.quietTo, timeZone: draft.timeZone.trim() } : null,
    criticalOverridesQuiet: draft.criticalOverridesQuiet,
    maxPerHour: /^\d+$/.test(perHour) ? Number(perHour) : Number.NaN,
    digestBelow: draft.digestBelow === '' ? null : draft.digestBelow,
    sessionReport: draft.sessionReport,
    smsGateway: orNull(draft.smsGateway),
    webhookFormat: draft.webhookFormat,
  };
}

/** The contact, or the problems to show beside each field. */
export function contactFromDraft(draft: ContactDraft): { contact: Contact } | { problems: DraftProblems } {
  const input = inputOf(draft);
  const parsed = v.safeParse(ContactSchema, input);
  if (parsed.success) return { contact: parsed.output };
  const problems: DraftProblems = contactProblems(input);
  if (problems.maxPerHour !== undefined) problems.maxPerHour = 'a whole number from 1 to 1000';
  return { problems };
}
