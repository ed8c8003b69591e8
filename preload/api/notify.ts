/**
 * Notifications: desktop notices, the SMTP and SMS settings (secrets are write-only: a reply says
 * whether one is set, never what it is), the delivery queue's status per alert, and pausing.
 */
import * as v from 'valibot';
import { SEVERITIES, type Severity } from './alerts';
import type { NotifyChannel } from './contacts';
import { request, type } from './contract';

export interface DesktopNotice {
  readonly title: string;
  readonly body: string;
  /** The alert the notice is about, so a click can open it. */
  readonly alertId?: string;
}

/** How a desktop notification was shown: by the OS, or inside the window (browser host). */
export type DesktopDelivery = 'os' | 'in-app';

/** none: plain SMTP (tests, a relay on the same host); starttls: upgrade on 587; tls: implicit TLS on 465. */
export const TLS_MODES = ['none', 'starttls', 'tls'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

const Host = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(253),
  v.regex(/^[^\s/]*$/, 'a host name or address, no spaces or slashes'),
);
const Port = v.pipe(v.number(), v.integer('a whole number'), v.minValue(1, 'from 1'), v.maxValue(65535, 'to 65535'));
const Secret = v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(1024)));

export const SmtpSettingsSchema = v.object({
  host: Host,
  port: Port,
  tls: v.picklist(TLS_MODES),
  user: v.pipe(v.string(), v.maxLength(320)),
  /** The From address, e.g. `Wirewatch <alerts@example.org>`. */
  from: v.pipe(v.string(), v.maxLength(400)),
});
export type SmtpSettings = v.InferOutput<typeof SmtpSettingsSchema>;

export const SmsSettingsSchema = v.object({
  /** A Twilio-compatible API: `https://api.twilio.com` or a provider speaking the same protocol. */
  apiBase: v.pipe(
    v.string(),
    v.maxLength(2048),
    v.check((value) => value === '' || /^https?:\/\/[^\s]+$/.test(value), 'use an http(s) URL'),
  ),
  accountSid: v.pipe(v.string(), v.maxLength(64), v.regex(/^[A-Za-z0-9]*$/, 'letters and digits only')),
  from: v.pipe(
    v.string(),
    v.check((value) => value === '' || /^\+[1-9]\d{1,14}$/.test(value), 'use E.164, e.g. +14155550123'),
  ),
});
export type SmsSettings = v.InferOutput<typeof SmsSettingsSchema>;

export const PolicySettingsSchema = v.object({
  /** Minutes between digests of batched lower-severity alerts. */
  digestMinutes: v.pipe(v.number(), v.integer(), v.minValue(1, 'at least 1 minute'), v.maxValue(1440, 'at most a day')),
  /** Desktop notifications: only incidents at or above this severity. */
  desktopMinSeverity: v.picklist(SEVERITIES),
});
export type PolicySettings = v.InferOutput<typeof PolicySettingsSchema>;

export const DEFAULT_SMTP: SmtpSettings = { host: '', port: 587, tls: 'starttls', user: '', from: '' };
export const DEFAULT_SMS: SmsSettings = { apiBase: 'https://api.twilio.com', accountSid: '', from: '' };
export const DEFAULT_POLICY: PolicySettings = { digestMinutes: 15, desktopMinSeverity: 'medium' };

/** Where secrets are kept: the OS keychain through Electron, or a file encrypted with this install's key. */
export type SecretKeeping = 'os-keychain' | 'install-key' | 'environment';

/** What the settings page sees: the settings, and whether each secret is set (never its value). */
export interface NotifySettingsView {
  readonly smtp: SmtpSettings;
  readonly smtpPasswordSet: boolean;
  readonly sms: SmsSettings;
  readonly smsTokenSet: boolean;
  readonly policy: PolicySettings;
  readonly secretKeeping: SecretKeeping;
  /** Epoch ms until which notifications are paused, or null. */
  readonly pausedUntil: number | null;
}

export const NotifySettingsPatchSchema = v.strictObject({
  smtp: v.optional(SmtpSettingsSchema),
  /** A new password; null removes it; left out keeps it. */
  smtpPassword: v.optional(Secret),
  sms: v.optional(SmsSettingsSchema),
  smsToken: v.optional(Secret),
  policy: v.optional(PolicySettingsSchema),
});
export type NotifySettingsPatch = v.InferOutput<typeof NotifySettingsPatchSchema>;

export type DeliveryState = 'queued' | 'sent' | 'failed';
export type DeliveryKind = 'alert' | 'digest' | 'session-report' | 'test';

/** One message on its way to one contact on one channel. */
export interface DeliveryStatus {
  readonly id: string;
  readonly kind: DeliveryKind;
  /** The alerts it carries (a digest carries several). */
  readonly alertIds: readonly string[];
  readonly contactId: string | null;
  readonly contactName: string;
  readonly channel: NotifyChannel;
  /** The address, number or URL it goes to. */
  readonly target: string;
  readonly subject: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  /** Epoch ms of the next try while queued. */
  readonly nextAttemptAt: number | null;
  /** The last failure, as the server or network put it. */
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Why an alert was not sent at once to a contact (shown beside its deliveries). */
export type Deferral = 'digest' | 'quiet-hours' | 'rate-limit' | 'paused';

const DeliveryId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const AlertId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const notifyRequests = {
  /** Shows a test notification so a person can check that notifications reach them. */
  'notify:test-desktop': request(v.strictTuple([]), type<{ readonly delivery: DesktopDelivery }>()),
  'notify:settings': request(v.strictTuple([]), type<NotifySettingsView>()),
  'notify:update-settings': request(v.strictTuple([NotifySettingsPatchSchema]), type<NotifySettingsView>()),
  /** Deliveries, newest first: all recent ones, or those carrying one alert. */
  'notify:deliveries': request(v.strictTuple([v.nullable(AlertId)]), type<readonly DeliveryStatus[]>()),
  /** Puts a failed delivery back in the queue for another round of attempts. */
  'notify:retry': request(v.strictTuple([DeliveryId]), type<DeliveryStatus>()),
  /** The session report of a finished file analysis, as saved (HTML), with where it is kept. */
  'notify:session-report': request(
    v.strictTuple([v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/, 'not an analysis id'))]),
    type<{ readonly path: string; readonly html: string }>(),
  ),
  /** Pauses notifications for some minutes (0 resumes). Alerts are still kept and queued for digests. */
  'notify:pause': request(
    v.strictTuple([v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60))]),
    type<{ readonly pausedUntil: number | null }>(),
  ),
};

export const notifyEvents = {
  /** A notice for the window to show itself, where the OS cannot (the browser host). */
  'notify:in-app': type<DesktopNotice>(),
  /** A desktop notification was clicked: the window should open this alert. */
  'notify:open-alert': type<{ readonly id: string }>(),
  /** A delivery was queued, sent, retried or failed. */
  'notify:delivery': type<DeliveryStatus>(),
};

/** The severity order, for "at least" comparisons. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
