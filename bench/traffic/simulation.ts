/**
 * A discrete-event simulation of the office: sessions schedule actions (usually "send this
 * segment") on one agenda, and running the agenda in time order writes the frames in capture
 * order. Time is nanoseconds since the capture's start.
 */
import { EventQueue } from './event-queue';
import type { FrameOut } from './frame-out';
import type { Host } from './hosts';
import type { OfficePlan } from './office-plan';
import { FilePayload } from './payload';
import { Random } from './random';
import { Route, type Family } from './route';

export const US = 1e3;
export const MS = 1e6;
export const SECOND = 1e9;

/**
 * Client ports. A slice of the IANA dynamic range (RFC 6335 §6) that Wireshark maps to no
 * dissector, so tshark reads the payload as the server port's protocol, or as plain data.
 */
const EPHEMERAL_FIRST = 61_000;
const EPHEMERAL_LAST = 65_535;

export class Simulation {
  readonly random: Random;
  /** One file's worth of bytes that every bulk transfer sends (content does not matter, size does). */
  readonly files: FilePayload;
  #now = 0;
  readonly #agenda = new EventQueue();
  readonly #ports = new Map<Host, number>();

  constructor(
    seed: number,
    readonly plan: OfficePlan,
    readonly out: FrameOut,
  ) {
    this.random = new Random(seed);
    this.files = new FilePayload(this.random.next);
  }

  get now(): number {
    return this.#now;
  }

  at(time: number, action: () => void): void {
    if (time < this.#now) throw new RangeError(`scheduled in the past: ${time} < ${this.#now}`);
    this.#agenda.push(time, action);
  }

  after(delay: number, action: () => void): void {
    this.at(this.#now + delay, action);
  }

  /** Calls `action` at the arrivals of a Poisson process with the given mean gap, for ever. */
  arrivals(meanGap: number, action: () => void): void {
    const next = (): void => {
      action();
      this.after(this.random.exponential(meanGap), next);
    };
    this.after(this.random.exponential(meanGap), next);
  }

  /** Runs actions in time order while `more()` holds. Returns false if the agenda ran dry. */
  run(more: () => boolean): boolean {
    while (more()) {
      const entry = this.#agenda.pop();
      if (entry === undefined) return false;
      this.#now = entry.time;
      entry.action();
    }
    return true;
  }

  /** The host's next client port, cycling through the ephemeral range as an OS does. */
  clientPort(host: Host): number {
    const port = this.#ports.get(host) ?? this.random.int(EPHEMERAL_FIRST, EPHEMERAL_LAST);
    this.#ports.set(host, port >= EPHEMERAL_LAST ? EPHEMERAL_FIRST : port + 1);
    return port;
  }

  route(local: Host, remote: Host, family: Family, tos = 0): Route {
    return new Route(local, remote, this.plan.router, family, tos, this.random.int(0, 0xffff));
  }

  /** IPv6 when both ends have it and the coin says so; IPv4 otherwise. */
  family(local: Host, remote: Host, ipv6Share: number): Family {
    return local.ipv6 !== undefined && remote.ipv6 !== undefined && this.random.chance(ipv6Share) ? 6 : 4;
  }
}
