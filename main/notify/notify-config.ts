/**
 * The headless notify config (`wirewatch analyze FILE --notify config.json`): SMTP and SMS
 * settings, contacts and policy in one JSON file. Secrets are never in it, only the names of the
 * environment variables that hold them (`passwordEnv`, `tokenEnv`, `webhookSecretEnv`).
 */
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { ContactSchema, type Contact } from '../../preload/api/contacts';
import {
  DEFAULT_POLICY,
  DEFAULT_SMS,
  PolicySettingsSchema,
  SmsSettingsSchema,
  SmtpSettingsSchema,
  TLS_MODES,
  type PolicySettings,
  type SmsSettings,
  type SmtpSettings,
} from '../../preload/api/notify';
import { EnvSecrets } from '../secrets/env-secrets';
import { SMS_TOKEN, SMTP_PASSWORD, webhookSecretName } from './notify-settings';

const EnvName = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name, e.g. WIREWATCH_SMTP_PASSWORD'),
);

const ConfigSmtp = v.strictObject({
  host: SmtpSettingsSchema.entries.host,
  port: v.optional(SmtpSettingsSchema.entries.port, 587),
  /** `true` is implicit TLS (465), `false` STARTTLS; or name the mode. */
  secure: v.optional(v.union([v.boolean(), v.picklist(TLS_MODES)]), false),
  user: v.optional(SmtpSettingsSchema.entries.user, ''),
  passwordEnv: v.optional(EnvName),
  from: SmtpSettingsSchema.entries.from,
});

const ConfigSms = v.strictObject({
  apiBase: v.optional(SmsSettingsSchema.entries.apiBase, DEFAULT_SMS.apiBase),
  accountSid: SmsSettingsSchema.entries.accountSid,
  tokenEnv: EnvName,
  from: SmsSettingsSchema.entries.from,
});

const ConfigContact = v.strictObject({
  id: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  name: v.string(),
  email: v.optional(v.nullable(v.string()), null),
  phone: v.optional(v.nullable(v.string()), null),
  webhook: v.optional(v.nullable(v.string()), null),
  webhookSecretEnv: v.optional(EnvName),
  enabled: v.optional(v.boolean(), true),
  channels: v.array(v.string()),
  minSeverity: v.optional(v.string(), 'low'),
  kinds: v.optional(v.array(v.string()), []),
  quietHours: v.optional(v.nullable(v.unknown()), null),
  criticalOverridesQuiet: v.optional(v.boolean()),
  maxPerHour: v.optional(v.number()),
  digestBelow: v.optional(v.nullable(v.string())),
  sessionReport: v.optional(v.boolean()),
  smsGateway: v.optional(v.nullable(v.string())),
  webhookFormat: v.optional(v.string()),
});

const NotifyConfigFile = v.strictObject({
  smtp: v.optional(ConfigSmtp),
  sms: v.optional(ConfigSms),
  contacts: v.pipe(v.array(ConfigContact), v.minLength(1, 'name at least one contact'), v.maxLength(1000)),
  policy: v.optional(v.partial(v.strictObject(PolicySettingsSchema.entries)), {}),
});

export interface NotifyConfig {
  readonly smtp: SmtpSettings | null;
  readonly sms: SmsSettings | null;
  readonly contacts: readonly Contact[];
  readonly policy: PolicySettings;
  readonly secrets: EnvSecrets;
}

/** A config that cannot be used, with every reason in one message. */
export class NotifyConfigError extends Error {
  override name = 'NotifyConfigError';
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path?.map((item) => String(item.key)).join('.') ?? '';
      return where === '' ? issue.message : `${where}: ${issue.message}`;
    })
    .join('; ');
}

export async function readNotifyConfig(path: string, env: NodeJS.ProcessEnv = process.env): Promise<NotifyConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new NotifyConfigError(`the notify config ${path} cannot be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseNotifyConfig(raw, path, env);
}

export function parseNotifyConfig(raw: unknown, path: string, env: NodeJS.ProcessEnv = process.env): NotifyConfig {
  const parsed = v.safeParse(NotifyConfigFile, raw);
  if (!parsed.success)
    throw new NotifyConfigError(`the notify config ${path} is not valid: ${describe(parsed.issues)}`);
  const file = parsed.output;
  const variables = new Map<string, string>();
  if (file.smtp?.passwordEnv !== undefined) variables.set(SMTP_PASSWORD, file.smtp.passwordEnv);
  if (file.sms !== undefined) variables.set(SMS_TOKEN, file.sms.tokenEnv);

  const contacts: Contact[] = [];
  const problems: string[] = [];
  file.contacts.forEach((entry, index) => {
    const { webhookSecretEnv, id, ...fields } = entry;
    const contactId = id ?? `contact-${index + 1}`;
    const checked = v.safeParse(ContactSchema, { ...fields, id: contactId });
    if (!checked.success) {
      problems.push(`contacts.${index} (${entry.name}): ${describe(checked.issues)}`);
      return;
    }
    contacts.push(checked.output);
    if (webhookSecretEnv !== undefined) variables.set(webhookSecretName(contactId), webhookSecretEnv);
  });
  if (problems.length > 0)
    throw new NotifyConfigError(`the notify config ${path} is not valid: ${problems.join('; ')}`);

  const secrets = new EnvSecrets(variables, env);
  const missing = secrets.missing();
  if (missing.length > 0) {
    throw new NotifyConfigError(
      `the notify config ${path} names environment variables that are not set: ${missing.join(', ')}`,
    );
  }
  const smtp = file.smtp;
  return {
    smtp:
      smtp === undefined
        ? null
        : {
            host: smtp.host,
            port: smtp.port,
            tls: smtp.secure === true ? 'tls' : smtp.secure === false ? 'starttls' : smtp.secure,
            user: smtp.user,
            from: smtp.from,
          },
    sms:
      file.sms === undefined
        ? null
        : { apiBase: file.sms.apiBase, accountSid: file.sms.accountSid, from: file.sms.from },
    contacts,
    policy: {
      digestMinutes: file.policy.digestMinutes ?? DEFAULT_POLICY.digestMinutes,
      desktopMinSeverity: file.policy.desktopMinSeverity ?? DEFAULT_POLICY.desktopMinSeverity,
    },
    secrets,
  };
}
