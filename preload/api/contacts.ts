/**
 * Contacts: the people Wirewatch notifies. The renderer keeps them in Dexie and mirrors the list
 * to main, which must be able to notify while the window is closed. Secrets that belong to a
 * contact (a webhook's signing secret) never live in the contact: main keeps them encrypted.
 */
import * as v from 'valibot';
import { ALERT_KINDS, SEVERITIES } from './alerts';
import { request, type } from './contract';

/**
 * Channels a contact can be reached on. Desktop notifications are not per contact: they belong to
 * the machine (Settings → Notifications), shown once per new incident.
 */
export const CHANNELS = ['email', 'sms', 'webhook'] as const;
export type NotifyChannel = (typeof CHANNELS)[number];

export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** E.164: a plus sign, a country code not starting with 0, at most 15 digits in all (ITU-T E.164 §6). */
export const E164 = /^\+[1-9]\d{1,14}$/;
/** Times of day as HH:MM, 24-hour. */
const TimeOfDay = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour'));
/** A DNS name such as `vtext.com` (an email-to-SMS gateway's domain). */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Whether the runtime knows an IANA time zone name (`Europe/Berlin`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    // Intl throws a RangeError for an unknown zone; that is the answer, not a failure.
    return false;
  }
}

export const QuietHoursSchema = v.object({
  from: TimeOfDay,
  to: TimeOfDay,
  timeZone: v.pipe(v.string(), v.maxLength(64), v.check(isTimeZone, 'not a time zone, e.g. Europe/Berlin or UTC')),
});
export type QuietHours = v.InferOutput<typeof QuietHoursSchema>;

export const ContactSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
    name: v.pipe(
      v.string(),
      v.trim(),
      v.minLength(1, 'a name is required'),
      v.maxLength(200, 'at most 200 characters'),
    ),
    email: v.nullable(v.pipe(v.string(), v.email('not an email address'), v.maxLength(320, 'too long for an address'))),
    phone: v.nullable(v.pipe(v.string(), v.regex(E164, 'use E.164, e.g. +14155550123'))),
    webhook: v.nullable(
      v.pipe(v.string(), v.url('not a URL'), v.regex(/^https?:\/\//, 'use an http(s) URL'), v.maxLength(2048)),
    ),
    enabled: v.boolean(),
    channels: v.pipe(v.array(v.picklist(CHANNELS)), v.maxLength(CHANNELS.length)),
    minSeverity: v.picklist(SEVERITIES),
    /** Empty means every kind. */
    kinds: v.pipe(v.array(v.picklist(ALERT_KINDS)), v.maxLength(ALERT_KINDS.length)),
    quietHours: v.nullable(QuietHoursSchema),
    // Fields added with routing; older stored contacts lack them and take these defaults.
    /** Critical alerts still reach this contact during quiet hours. */
    criticalOverridesQuiet: v.optional(v.boolean(), true),
    /** At most this many immediate messages per hour; the rest wait for the digest. */
    maxPerHour: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 10),
    /** Alerts below this severity are batched into the digest instead of sent one by one; null sends all at once. */
    digestBelow: v.optional(v.nullable(v.picklist(SEVERITIES)), null),
    /** Emails a session report when a file analysis ends. */
    sessionReport: v.optional(v.boolean(), false),
    /** SMS by an email-to-SMS gateway (`vtext.com`) instead of the SMS provider's API. */
    smsGateway: v.optional(
      v.nullable(v.pipe(v.string(), v.regex(DOMAIN, 'use the gateway domain, e.g. vtext.com'))),
      null,
    ),
    webhookFormat: v.optional(v.picklist(WEBHOOK_FORMATS), 'json'),
  }),
  v.forward(
    v.check((contact) => !contact.channels.includes('email') || contact.email !== null, 'email needs an address'),
    ['email'],
  ),
  v.forward(
    v.check((contact) => !contact.channels.includes('sms') || contact.phone !== null, 'SMS needs a phone number'),
    ['phone'],
  ),
  v.forward(
    v.check((contact) => !contact.channels.includes('webhook') || contact.webhook !== null, 'webhook needs a URL'),
    ['webhook'],
  ),
);
export type Contact = v.InferOutput<typeof ContactSchema>;
export type ContactInput = v.InferInput<typeof ContactSchema>;

/** A field's first problem, by field name, for showing next to the field; empty when valid. */
export function contactProblems(input: unknown): Partial<Record<keyof Contact | 'form', string>> {
  const parsed = v.safeParse(ContactSchema, input);
  if (parsed.success) return {};
  const problems: Partial<Record<keyof Contact | 'form', string>> = {};
  for (const issue of parsed.issues) {
    const key = issue.path?.[0]?.key;
    const field = typeof key === 'string' && key in ContactSchema.entries ? (key as keyof Contact) : 'form';
    problems[field] ??= issue.message;
  }
  return problems;
}

const ContactId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

/** What "Send test" reports per channel: delivered, or the exact failure. */
export interface ChannelTestResult {
  readonly channel: NotifyChannel;
  readonly ok: boolean;
  /** What the server said: the SMTP response, the HTTP status, the network error. */
  readonly detail: string;
}

export const contactsRequests = {
  /** Replaces main's copy of the contact list with the renderer's. */
  'contacts:sync': request(
    v.strictTuple([v.pipe(v.array(ContactSchema), v.maxLength(1000))]),
    type<{ readonly count: number }>(),
  ),
  /** Main's copy of the list (a new window or browser starts from it). */
  'contacts:list': request(v.strictTuple([]), type<readonly Contact[]>()),
  /** Sends a test message on each of the contact's channels now (no queue) and reports each outcome. */
  'contacts:send-test': request(v.strictTuple([ContactSchema]), type<readonly ChannelTestResult[]>()),
  /** Sets (or with null, removes) the shared secret that signs this contact's webhook posts. Never read back. */
  'contacts:set-webhook-secret': request(
    v.strictTuple([
      ContactId,
      v.nullable(v.pipe(v.string(), v.minLength(8, 'use at least 8 characters'), v.maxLength(512))),
    ]),
    type<{ readonly signed: boolean }>(),
  ),
  /** Which contacts have a webhook signing secret (ids only). */
  'contacts:signed-webhooks': request(v.strictTuple([]), type<readonly string[]>()),
};

export const contactsEvents = {};
