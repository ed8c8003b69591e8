/**
 * Contacts: the people Wirewatch notifies. The renderer keeps them in Dexie and mirrors the list
 * to main, which must be able to notify while the window is closed.
 */
import * as v from 'valibot';
import { ALERT_KINDS, SEVERITIES } from './alerts';
import { request, type } from './contract';

export const CHANNELS = ['tray', 'email', 'sms', 'webhook'] as const;
export type NotifyChannel = (typeof CHANNELS)[number];

/** E.164: a plus sign, a country code not starting with 0, at most 15 digits in all (ITU-T E.164 §6). */
export const E164 = /^\+[1-9]\d{1,14}$/;
/** Times of day as HH:MM, 24-hour. */
const TimeOfDay = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour'));

export const ContactSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'a name is required'), v.maxLength(200)),
  email: v.nullable(v.pipe(v.string(), v.email('not an email address'), v.maxLength(320))),
  phone: v.nullable(v.pipe(v.string(), v.regex(E164, 'use E.164, e.g. +14155550123'))),
  webhook: v.nullable(
    v.pipe(v.string(), v.url('not a URL'), v.regex(/^https?:\/\//, 'use an http(s) URL'), v.maxLength(2048)),
  ),
  enabled: v.boolean(),
  channels: v.pipe(v.array(v.picklist(CHANNELS)), v.maxLength(CHANNELS.length)),
  minSeverity: v.picklist(SEVERITIES),
  /** Empty means every kind. */
  kinds: v.pipe(v.array(v.picklist(ALERT_KINDS)), v.maxLength(ALERT_KINDS.length)),
  quietHours: v.nullable(v.object({ from: TimeOfDay, to: TimeOfDay, timeZone: v.pipe(v.string(), v.maxLength(64)) })),
});
export type Contact = v.InferOutput<typeof ContactSchema>;

export const contactsRequests = {
  /** Replaces main's copy of the contact list with the renderer's. */
  'contacts:sync': request(
    v.strictTuple([v.pipe(v.array(ContactSchema), v.maxLength(1000))]),
    type<{ readonly count: number }>(),
  ),
};

export const contactsEvents = {};
