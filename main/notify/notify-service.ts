/**
 * Notifications, end to end: every newly published incident (not its repeats as it grows) gets a
 * desktop notice and is routed to each contact; sends go through the persisted DeliveryQueue,
 * deferred alerts wait in the DigestBuffer for the next digest, and a finished file analysis or
 * live capture session produces a session report for the contacts who asked for one. Nothing here blocks detection:
 * publishers hand alerts over and return.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Alert, AlertOrigin } from '../../preload/api/alerts';
import type { AnalysisSummary } from '../../preload/api/analysis';
import { ContractError } from '../../preload/api/errors';
import type { ChannelTestResult, Contact, NotifyChannel } from '../../preload/api/contacts';
import {
  severityRank,
  type DeliveryKind,
  type DeliveryStatus,
  type NotifySettingsView,
} from '../../preload/api/notify';
import type { NotifySettingsPatch } from '../../preload/api/notify';
import type { AlertPublisher } from '../alerts/alert-publisher';
import type { ContactDirectory } from '../contacts/contact-directory';
import type { Secrets } from '../secrets/secrets';
import { alertEmail, alertSms, digestEmail, digestSms, webhookBody, type EmailContent } from './alert-message';
import type { Clock } from './clock';
import { DeliveryQueue, type BackoffPolicy } from './delivery-queue';
import type { DesktopNotifier } from './desktop';
import { DigestBuffer } from './digest-buffer';
import type { NotifySettings } from './notify-settings';
import type { ChannelSender, Outgoing } from './outgoing';
import { inQuietHours } from './quiet-hours';
import { RateLimiter } from './rate-limiter';
import { route, wants, type Route } from './routing';
import { sessionReport } from './session-report';

/** Incident ids remembered to tell a new incident from a repeat; the oldest are forgotten first. */
const REMEMBERED_INCIDENTS = 20_000;
/** Alerts of a running analysis kept for its session report. */
const REPORT_ALERTS = 5_000;

/** Which session report an alert belongs to: its file's, or its interface's live session's. */
function reportKey(origin: AlertOrigin): string {
  return origin.type === 'file' ? origin.path : `live:${origin.interface}`;
}

function summaryKey(summary: AnalysisSummary): string {
  return summary.live === undefined ? summary.file.path : `live:${summary.live.interface}`;
}

export interface NotifyServiceParts {
  readonly dataDir: string;
  readonly contacts: ContactDirectory;
  readonly settings: NotifySettings;
  readonly desktop: DesktopNotifier;
  /** Whether desktop notices are on (main's settings). */
  readonly desktopEnabled: () => Promise<boolean>;
  readonly send: ChannelSender;
  readonly clock: Clock;
  readonly backoff?: BackoffPolicy;
}

export class NotifyService {
  readonly queue: DeliveryQueue;
  readonly #digest: DigestBuffer;
  readonly #limiter = new RateLimiter();
  /** Incident id → the highest severity notified so far. */
  readonly #seen = new Map<string, number>();
  readonly #byFile = new Map<string, Alert[]>();
  readonly #incidentListeners = new Set<(alert: Alert) => void>();
  #cancelDigest: (() => void) | undefined;
  #work: Promise<void> = Promise.resolve();

  constructor(private readonly parts: NotifyServiceParts) {
    this.queue = new DeliveryQueue(parts.dataDir, parts.send, parts.clock, parts.backoff);
    this.#digest = new DigestBuffer(parts.dataDir);
  }

  /** Where secrets (passwords, tokens, webhook signing secrets) are kept. */
  get secrets(): Secrets {
    return this.parts.settings.secrets;
  }

  /** Resumes queued deliveries, starts the digest timer and listens to the publisher. */
  async start(alerts: AlertPublisher): Promise<void> {
    // Listen first: alerts published while the queue file loads must not be missed.
    alerts.onPublished((batch) => {
      // Kept for the session report at once: the analysis may finish before routing catches up.
      for (const alert of batch) this.#rememberForReport(alert);
      this.#enqueueWork(() => this.handle(batch));
    });
    await this.queue.start();
    await this.#scheduleDigest();
  }

  stop(): void {
    this.queue.stop();
    this.#cancelDigest?.();
  }

  /** Called once per new incident (the tray counts them). */
  onIncident(listener: (alert: Alert) => void): () => void {
    this.#incidentListeners.add(listener);
    return () => this.#incidentListeners.delete(listener);
  }

  /** Resolves when the alerts handed over so far have been routed and queued (tests, shutdown). */
  async idle(): Promise<void> {
    await this.#work;
    await this.queue.settled();
  }

  /** Routes a batch of published alerts; repeats of known incidents count only when their severity rose. */
  async handle(batch: readonly Alert[]): Promise<void> {
    const now = this.parts.clock.now();
    const contacts = await this.parts.contacts.list();
    const paused = (await this.parts.settings.pausedUntil(now)) !== null;
    for (const alert of batch) {
      this.#rememberForReport(alert);
      // A repeat is news only when the incident escalated (a scan that became a flood's worth).
      const before = this.#seen.get(alert.id);
      const rank = severityRank(alert.severity);
      if (before !== undefined && rank <= before) continue;
      this.#remember(alert.id, rank);
      for (const listener of this.#incidentListeners) listener(alert);
      if (!paused) await this.#desktop(alert);
      for (const contact of contacts) {
        // While paused, wanted alerts wait for the digest without using up the hourly limit.
        const decision: Route = paused
          ? wants(contact, alert)
            ? { action: 'defer', why: 'paused' }
            : { action: 'skip' }
          : route(contact, alert, now, this.#limiter);
        if (decision.action === 'defer') await this.#digest.add(contact.id, alert);
        else if (decision.action === 'send') await this.#sendAlert(contact, alert);
      }
    }
  }

  /** Sends what waits for each contact as one digest, unless the contact is in quiet hours or all is paused. */
  async flushDigests(): Promise<void> {
    const now = this.parts.clock.now();
    if ((await this.parts.settings.pausedUntil(now)) !== null) return;
    const contacts = new Map((await this.parts.contacts.list()).map((contact) => [contact.id, contact]));
    for (const id of await this.#digest.contacts()) {
      const contact = contacts.get(id);
      if (contact === undefined || !contact.enabled) {
        // The contact was deleted or disabled: nobody is left to tell.
        await this.#digest.take(id);
        continue;
      }
      if (inQuietHours(contact.quietHours, now)) continue;
      const alerts = await this.#digest.take(id);
      if (alerts.length === 0) continue;
      await this.#deliver(
        contact,
        'digest',
        alerts,
        digestEmail(alerts),
        digestSms(alerts),
        webhookBody('digest', alerts, contact.webhookFormat),
      );
    }
  }

  /** Sends a test on each of the contact's channels now, outside the queue, and reports each outcome. */
  async sendTest(contact: Contact): Promise<ChannelTestResult[]> {
    const results: ChannelTestResult[] = [];
    const email: EmailContent = {
      subject: '[Wirewatch] Test message',
      text: `This is a test from Wirewatch for ${contact.name}. Alerts will reach you this way.`,
      html: `<p>This is a test from Wirewatch. Alerts will reach you this way.</p>`,
    };
    const sms = 'Wirewatch test: alerts will reach you this way.';
    for (const message of this.#messages(contact, email, sms, webhookBody('test', [], contact.webhookFormat))) {
      try {
        results.push({
          channel: message.channel,
          ok: true,
          detail: await this.parts.send(message, `test-${contact.id}`),
        });
      } catch (error) {
        results.push({
          channel: message.channel,
          ok: false,
          detail: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (results.length === 0) throw new Error('the contact has no channel to test: choose email, SMS or webhook');
    return results;
  }

  /**
   * Builds the session report of a finished file analysis or live capture session (its summary's
   * `live`), saves it as HTML (unless `save` is false), and emails it to those who asked; returns
   * where it was saved, or null.
   */
  async analysisFinished(analysisId: string, summary: AnalysisSummary, save = true): Promise<string | null> {
    const key = summaryKey(summary);
    const alerts = this.#byFile.get(key) ?? [];
    this.#byFile.delete(key);
    const report = sessionReport(summary, alerts);
    let path: string | null = null;
    if (save) {
      const folder = join(this.parts.dataDir, 'reports');
      await mkdir(folder, { recursive: true });
      path = join(folder, `${analysisId}.html`);
      await writeFile(path, report.html, { mode: 0o600 });
    }
    for (const contact of await this.parts.contacts.list()) {
      if (!contact.enabled || !contact.sessionReport || contact.email === null || !contact.channels.includes('email'))
        continue;
      await this.queue.enqueue({
        kind: 'session-report',
        alertIds: alerts.map((alert) => alert.id),
        contactId: contact.id,
        contactName: contact.name,
        subject: report.subject,
        message: { channel: 'email', to: contact.email, subject: report.subject, text: report.text, html: report.html },
      });
    }
    return path;
  }

  /** A saved session report, or null when none is kept for that analysis. */
  async savedReport(analysisId: string): Promise<{ path: string; html: string } | null> {
    const path = join(this.parts.dataDir, 'reports', `${analysisId}.html`);
    try {
      return { path, html: await readFile(path, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async pause(minutes: number): Promise<number | null> {
    const until = minutes === 0 ? null : this.parts.clock.now() + minutes * 60_000;
    await this.parts.settings.pause(until);
    return until;
  }

  async view(): Promise<NotifySettingsView> {
    return this.parts.settings.view(this.parts.clock.now());
  }

  async update(patch: NotifySettingsPatch): Promise<NotifySettingsView> {
    await this.parts.settings.update(patch);
    if (patch.policy !== undefined) await this.#scheduleDigest();
    return this.view();
  }

  deliveries(alertId: string | null): Promise<DeliveryStatus[]> {
    return this.queue.list(alertId);
  }

  async #desktop(alert: Alert): Promise<void> {
    if (!(await this.parts.desktopEnabled())) return;
    const policy = await this.parts.settings.policy();
    if (severityRank(alert.severity) < severityRank(policy.desktopMinSeverity)) return;
    try {
      await this.parts.desktop.show({
        title: `${alert.severity.toUpperCase()} ${alert.kind}`,
        body: alert.summary,
        alertId: alert.id,
      });
    } catch (error) {
      // No window open (browser host) is the normal state of a headless sensor, not worth a log
      // line per incident: the alert waits in the outbox for the next window.
      if (error instanceof ContractError && error.code === 'unavailable') return;
      console.error(`[notify] desktop notice for ${alert.id} not shown: ${(error as Error).message}`);
    }
  }

  async #sendAlert(contact: Contact, alert: Alert): Promise<void> {
    await this.#deliver(
      contact,
      'alert',
      [alert],
      alertEmail(alert),
      alertSms(alert),
      webhookBody('alert', [alert], contact.webhookFormat),
    );
  }

  async #deliver(
    contact: Contact,
    kind: DeliveryKind,
    alerts: readonly Alert[],
    email: EmailContent,
    sms: string,
    webhook: string,
  ): Promise<void> {
    for (const message of this.#messages(contact, email, sms, webhook)) {
      await this.queue.enqueue({
        kind,
        alertIds: alerts.map((alert) => alert.id),
        contactId: contact.id,
        contactName: contact.name,
        subject: email.subject,
        message,
      });
    }
  }

  #messages(contact: Contact, email: EmailContent, sms: string, webhook: string): Outgoing[] {
    const byChannel: Record<NotifyChannel, () => Outgoing | null> = {
      email: () => (contact.email === null ? null : { channel: 'email', to: contact.email, ...email }),
      sms: () =>
        contact.phone === null ? null : { channel: 'sms', to: contact.phone, text: sms, gateway: contact.smsGateway },
      webhook: () =>
        contact.webhook === null
          ? null
          : {
              channel: 'webhook',
              url: contact.webhook,
              body: webhook,
              format: contact.webhookFormat,
              contactId: contact.id,
            },
    };
    return contact.channels.map((channel) => byChannel[channel]()).filter((message) => message !== null);
  }

  #remember(id: string, rank: number): void {
    this.#seen.set(id, rank);
    if (this.#seen.size <= REMEMBERED_INCIDENTS) return;
    const oldest = this.#seen.keys().next();
    if (oldest.done !== true) this.#seen.delete(oldest.value);
  }

  #rememberForReport(alert: Alert): void {
    const key = reportKey(alert.source);
    const list = this.#byFile.get(key) ?? [];
    const at = list.findIndex((held) => held.id === alert.id);
    if (at !== -1) list[at] = alert;
    else if (list.length < REPORT_ALERTS) list.push(alert);
    this.#byFile.set(key, list);
  }

  async #scheduleDigest(): Promise<void> {
    this.#cancelDigest?.();
    const { digestMinutes } = await this.parts.settings.policy();
    this.#cancelDigest = this.parts.clock.schedule(digestMinutes * 60_000, () => {
      this.#enqueueWork(async () => {
        await this.flushDigests();
        await this.#scheduleDigest();
      });
    });
  }

  /** Runs work one piece after another, so routing sees batches in the order they were published. */
  #enqueueWork(work: () => Promise<void>): void {
    this.#work = this.#work.then(work).catch((error: unknown) => console.error('[notify] routing failed:', error));
  }
}
