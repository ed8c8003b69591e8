/**
 * The delivery queue: every message to a contact is written to `deliveries.json` before the first
 * attempt, so a restart resumes what was queued. Attempts back off exponentially up to a cap; after
 * the last one, or at once for a permanent failure (bad credentials), the delivery is marked failed
 * with the server's words, visible in Settings and on the alert. Sending happens on the event loop
 * with network I/O only: detection runs in workers and never waits for it.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import * as v from 'valibot';
import type { DeliveryKind, DeliveryStatus } from '../../preload/api/notify';
import { JsonFile } from '../store/json-file';
import type { Clock } from './clock';
import { DeliveryError, type ChannelSender, type Outgoing } from './outgoing';

export interface BackoffPolicy {
  /** Delay before the second attempt; each later one doubles it. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** Attempts before the delivery is marked failed. */
  readonly maxAttempts: number;
}

/** 30 s, 1, 2, 4, 8, 16, 30, 30 min: about 90 minutes of trying across a server's outage. */
export const DEFAULT_BACKOFF: BackoffPolicy = { firstDelayMs: 30_000, maxDelayMs: 30 * 60_000, maxAttempts: 9 };

/** Finished deliveries kept for Settings and the alert details; queued ones are always kept. */
const KEEP_FINISHED = 500;

export function backoffDelay(policy: BackoffPolicy, attemptsMade: number): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attemptsMade - 1));
}

interface Delivery extends DeliveryStatus {
  readonly message: Outgoing;
}

/** The file is ours, written from Delivery objects: the check is of its skeleton, not every field. */
const StoredDeliveries = v.array(
  v.custom<Delivery>(
    (value) =>
      v.is(
        v.looseObject({
          id: v.string(),
          state: v.picklist(['queued', 'sent', 'failed']),
          message: v.looseObject({ channel: v.picklist(['email', 'sms', 'webhook']) }),
        }),
        value,
      ),
    'not a delivery',
  ),
);

export interface NewDelivery {
  readonly kind: DeliveryKind;
  readonly alertIds: readonly string[];
  readonly contactId: string | null;
  readonly contactName: string;
  readonly subject: string;
  readonly message: Outgoing;
}

export class DeliveryQueue {
  readonly #file: JsonFile<typeof StoredDeliveries>;
  #deliveries: Delivery[] = [];
  #loaded: Promise<void> | undefined;
  #cancelTimer: (() => void) | undefined;
  #running: Promise<void> = Promise.resolve();
  #pumping = false;
  #writes: Promise<void> = Promise.resolve();
  readonly #listeners = new Set<(status: DeliveryStatus) => void>();

  constructor(
    dataDir: string,
    private readonly send: ChannelSender,
    private readonly clock: Clock,
    private readonly backoff: BackoffPolicy = DEFAULT_BACKOFF,
  ) {
    this.#file = new JsonFile(join(dataDir, 'deliveries.json'), StoredDeliveries);
  }

  /** Loads what a previous run left queued and schedules it. */
  start(): Promise<void> {
    this.#loaded ??= this.#file.read([]).then((stored) => {
      this.#deliveries = stored;
      this.#schedule();
    });
    return this.#loaded;
  }

  onChange(listener: (status: DeliveryStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async enqueue(entry: NewDelivery): Promise<DeliveryStatus> {
    await this.start();
    const now = this.clock.now();
    const delivery: Delivery = {
      id: randomUUID(),
      kind: entry.kind,
      alertIds: entry.alertIds,
      contactId: entry.contactId,
      contactName: entry.contactName,
      channel: entry.message.channel,
      target: targetOf(entry.message),
      subject: entry.subject,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      updatedAt: now,
      message: entry.message,
    };
    this.#deliveries.push(delivery);
    await this.#persist();
    this.#announce(delivery);
    this.#schedule();
    return statusOf(delivery);
  }

  /** Deliveries newest first, optionally only those carrying one alert. */
  async list(alertId: string | null = null): Promise<DeliveryStatus[]> {
    await this.start();
    return this.#deliveries
      .filter((delivery) => alertId === null || delivery.alertIds.includes(alertId))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map(statusOf);
  }

  /** Puts a failed delivery back for a fresh round of attempts. */
  async retry(id: string): Promise<DeliveryStatus | undefined> {
    await this.start();
    const index = this.#deliveries.findIndex((delivery) => delivery.id === id);
    const found = this.#deliveries[index];
    if (found === undefined) return undefined;
    const now = this.clock.now();
    const next: Delivery = { ...found, state: 'queued', attempts: 0, nextAttemptAt: now, updatedAt: now };
    this.#deliveries[index] = next;
    await this.#persist();
    this.#announce(next);
    this.#schedule();
    return statusOf(next);
  }

  /** Resolves once no attempt is in flight and none is due now (tests; shutting down). */
  async settled(): Promise<void> {
    for (;;) {
      const running = this.#running;
      await running;
      await this.#writes;
      if (running === this.#running && !this.#pumping) return;
    }
  }

  /** Resolves once nothing is queued any more: every delivery sent or failed (the CLI, before it exits). */
  async drained(): Promise<void> {
    await this.start();
    for (;;) {
      await this.settled();
      if (!this.#deliveries.some((delivery) => delivery.state === 'queued')) return;
      await new Promise<void>((resolve) => {
        const stop = this.onChange(() => {
          stop();
          resolve();
        });
      });
    }
  }

  stop(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
  }

  #schedule(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    const due = this.#deliveries
      .filter((delivery) => delivery.state === 'queued')
      .map((delivery) => delivery.nextAttemptAt ?? 0);
    if (due.length === 0) return;
    const wait = Math.max(0, Math.min(...due) - this.clock.now());
    this.#cancelTimer = this.clock.schedule(wait, () => {
      this.#cancelTimer = undefined;
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#pumping) return;
    this.#pumping = true;
    this.#running = this.#attemptDue()
      .catch((error: unknown) => console.error('[notify] the delivery queue failed:', error))
      .finally(() => {
        this.#pumping = false;
        this.#schedule();
      });
  }

  /** One attempt for each delivery that is due, one after another (a slow server delays only mail). */
  async #attemptDue(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const index = this.#deliveries.findIndex(
        (delivery) => delivery.state === 'queued' && (delivery.nextAttemptAt ?? 0) <= now,
      );
      const delivery = this.#deliveries[index];
      if (delivery === undefined) return;
      const next = await this.#attempt(delivery);
      this.#deliveries[this.#deliveries.indexOf(delivery)] = next;
      this.#trim();
      await this.#persist();
      this.#announce(next);
    }
  }

  async #attempt(delivery: Delivery): Promise<Delivery> {
    const attempts = delivery.attempts + 1;
    try {
      await this.send(delivery.message, delivery.id);
      const now = this.clock.now();
      return { ...delivery, state: 'sent', attempts, nextAttemptAt: null, lastError: null, updatedAt: now };
    } catch (error) {
      const now = this.clock.now();
      const permanent = error instanceof DeliveryError && error.permanent;
      const lastError = error instanceof Error ? error.message : String(error);
      if (permanent || attempts >= this.backoff.maxAttempts) {
        console.error(
          `[notify] delivery ${delivery.id} to ${delivery.target} failed after ${attempts} attempt(s): ${lastError}`,
        );
        return { ...delivery, state: 'failed', attempts, nextAttemptAt: null, lastError, updatedAt: now };
      }
      const nextAttemptAt = now + backoffDelay(this.backoff, attempts);
      return { ...delivery, attempts, nextAttemptAt, lastError, updatedAt: now };
    }
  }

  #trim(): void {
    const finished = this.#deliveries.filter((delivery) => delivery.state !== 'queued');
    if (finished.length <= KEEP_FINISHED) return;
    const drop = new Set(
      finished
        .sort((a, b) => a.updatedAt - b.updatedAt)
        .slice(0, finished.length - KEEP_FINISHED)
        .map((delivery) => delivery.id),
    );
    this.#deliveries = this.#deliveries.filter((delivery) => !drop.has(delivery.id));
  }

  /** Writes one after another so an older snapshot never lands after a newer one. */
  #persist(): Promise<void> {
    const snapshot = [...this.#deliveries];
    const write = this.#writes.then(() => this.#file.write(snapshot));
    // A failed write is reported to its caller; the chain goes on for the next one.
    this.#writes = write.catch((error: unknown) => console.error('[notify] deliveries.json was not written:', error));
    return write;
  }

  #announce(delivery: Delivery): void {
    const status = statusOf(delivery);
    for (const listener of this.#listeners) listener(status);
  }
}

function statusOf(delivery: Delivery): DeliveryStatus {
  // The message body stays in main: the window needs the status, not the words again.
  const { message: _message, ...status } = delivery;
  return status;
}

function targetOf(message: Outgoing): string {
  switch (message.channel) {
    case 'email':
      return message.to;
    case 'sms':
      return message.gateway === null ? message.to : `${message.to} via ${message.gateway}`;
    case 'webhook':
      return message.url;
  }
}
