/**
 * Notifications for a headless run (`wirewatch analyze FILE --notify config.json`): the same
 * routing, channels and queue as the app, with the config's contacts and environment secrets.
 * Its state lives in a temporary folder for the run; at the end it sends what waits for a
 * digest, the session report, and waits (bounded by the backoff cap) for every delivery to be
 * sent or to fail, so a sensor script learns from the exit what reached people.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert } from '../../preload/api/alerts';
import type { AnalysisSummary } from '../../preload/api/analysis';
import type { DeliveryStatus } from '../../preload/api/notify';
import { ContactDirectory } from '../contacts/contact-directory';
import { channelSender, type ChannelOptions } from './channels';
import type { Clock } from './clock';
import type { BackoffPolicy } from './delivery-queue';
import { readNotifyConfig } from './notify-config';
import { NotifySettings } from './notify-settings';
import { NotifyService } from './notify-service';

/** A CLI run should not wait an hour for a mail server: three tries over about three seconds. */
export const HEADLESS_BACKOFF: BackoffPolicy = { firstDelayMs: 1000, maxDelayMs: 2000, maxAttempts: 3 };

/** Timers that keep the process alive: the run must not exit before its retries. */
const keepAliveClock: Clock = {
  now: () => Date.now(),
  schedule(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

export interface HeadlessNotifier {
  /** Hands over alerts as the engine raises or grows them. */
  alerts(changed: readonly Alert[]): void;
  /** Sends digests and the session report, waits for every delivery, cleans up; returns them all. */
  finish(analysisId: string, summary: AnalysisSummary | null): Promise<readonly DeliveryStatus[]>;
}

export interface HeadlessOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly backoff?: BackoffPolicy;
  readonly channels?: ChannelOptions;
}

export async function startHeadlessNotify(
  configPath: string,
  options: HeadlessOptions = {},
): Promise<HeadlessNotifier> {
  const config = await readNotifyConfig(configPath, options.env);
  const dir = await mkdtemp(join(tmpdir(), 'wirewatch-notify-'));
  const settings = new NotifySettings(dir, config.secrets);
  await settings.update({
    ...(config.smtp === null ? {} : { smtp: config.smtp }),
    ...(config.sms === null ? {} : { sms: config.sms }),
    policy: config.policy,
  });
  const contacts = new ContactDirectory(dir);
  await contacts.replace(config.contacts);
  const service = new NotifyService({
    dataDir: dir,
    contacts,
    settings,
    desktop: { show: () => Promise.reject(new Error('no desktop in a headless run')) },
    desktopEnabled: () => Promise.resolve(false),
    send: channelSender(settings, options.channels),
    clock: keepAliveClock,
    backoff: options.backoff ?? HEADLESS_BACKOFF,
  });
  await service.queue.start();
  let work: Promise<void> = Promise.resolve();
  return {
    alerts(changed) {
      work = work.then(() => service.handle(changed));
    },
    async finish(analysisId, summary) {
      try {
        await work;
        await service.flushDigests();
        if (summary !== null) await service.analysisFinished(analysisId, summary, false);
        await service.queue.drained();
        return await service.deliveries(null);
      } finally {
        service.stop();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** One line per delivery for the CLI's standard error: who, how, and what happened. */
export function deliveryLines(deliveries: readonly DeliveryStatus[]): string[] {
  return [...deliveries]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((delivery) => {
      const what = `${delivery.kind} to ${delivery.contactName} by ${delivery.channel} (${delivery.target})`;
      return delivery.state === 'sent'
        ? `notified: ${what}`
        : `notification failed after ${delivery.attempts} attempt(s): ${what}: ${delivery.lastError ?? 'unknown'}`;
    });
}
