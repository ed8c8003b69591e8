/**
 * The notification settings main keeps (`notify.json`): SMTP server, SMS provider, routing policy
 * and a pause. Passwords and tokens go to the SecretStore; the view handed to the window says only
 * whether each is set.
 */
import { join } from 'node:path';
import * as v from 'valibot';
import {
  DEFAULT_POLICY,
  DEFAULT_SMS,
  DEFAULT_SMTP,
  PolicySettingsSchema,
  SmsSettingsSchema,
  SmtpSettingsSchema,
  type NotifySettingsPatch,
  type NotifySettingsView,
  type PolicySettings,
  type SmsSettings,
  type SmtpSettings,
} from '../../preload/api/notify';
import type { Secrets } from '../secrets/secrets';
import { JsonFile } from '../store/json-file';

export const SMTP_PASSWORD = 'smtp-password';
export const SMS_TOKEN = 'sms-token';
/** The secret name of a contact's webhook signing secret. */
export const webhookSecretName = (contactId: string): string => `webhook:${contactId}`;

const StoredNotifySettings = v.object({
  smtp: v.optional(SmtpSettingsSchema, DEFAULT_SMTP),
  sms: v.optional(SmsSettingsSchema, DEFAULT_SMS),
  policy: v.optional(PolicySettingsSchema, DEFAULT_POLICY),
  pausedUntil: v.optional(v.nullable(v.number()), null),
});
type Stored = v.InferOutput<typeof StoredNotifySettings>;

const DEFAULTS: Stored = { smtp: DEFAULT_SMTP, sms: DEFAULT_SMS, policy: DEFAULT_POLICY, pausedUntil: null };

export class NotifySettings {
  readonly #file: JsonFile<typeof StoredNotifySettings>;
  #current: Stored | undefined;

  constructor(
    dataDir: string,
    readonly secrets: Secrets,
  ) {
    this.#file = new JsonFile(join(dataDir, 'notify.json'), StoredNotifySettings);
  }

  async smtp(): Promise<{ settings: SmtpSettings; password: string | null }> {
    return { settings: (await this.#read()).smtp, password: await this.secrets.get(SMTP_PASSWORD) };
  }

  async sms(): Promise<{ settings: SmsSettings; token: string | null }> {
    return { settings: (await this.#read()).sms, token: await this.secrets.get(SMS_TOKEN) };
  }

  async policy(): Promise<PolicySettings> {
    return (await this.#read()).policy;
  }

  /** Epoch ms until which notifications are paused, or null when they are not. */
  async pausedUntil(now: number): Promise<number | null> {
    const until = (await this.#read()).pausedUntil;
    return until !== null && until > now ? until : null;
  }

  async pause(until: number | null): Promise<void> {
    await this.#write({ ...(await this.#read()), pausedUntil: until });
  }

  async update(patch: NotifySettingsPatch): Promise<void> {
    const current = await this.#read();
    await this.#write({
      ...current,
      smtp: patch.smtp ?? current.smtp,
      sms: patch.sms ?? current.sms,
      policy: patch.policy ?? current.policy,
    });
    if (patch.smtpPassword !== undefined) await this.secrets.set(SMTP_PASSWORD, patch.smtpPassword);
    if (patch.smsToken !== undefined) await this.secrets.set(SMS_TOKEN, patch.smsToken);
  }

  async view(now: number): Promise<NotifySettingsView> {
    const current = await this.#read();
    return {
      smtp: current.smtp,
      smtpPasswordSet: await this.secrets.has(SMTP_PASSWORD),
      sms: current.sms,
      smsTokenSet: await this.secrets.has(SMS_TOKEN),
      policy: current.policy,
      secretKeeping: this.secrets.keeping,
      pausedUntil: await this.pausedUntil(now),
    };
  }

  async #read(): Promise<Stored> {
    this.#current ??= await this.#file.read(DEFAULTS);
    return this.#current;
  }

  async #write(next: Stored): Promise<void> {
    await this.#file.write(next);
    this.#current = next;
  }
}
