/**
 * The interface's own counters (Linux /sys/class/net/IF/statistics), read by the helper because it
 * runs in the capture's network namespace. They give the interface's drops, and an estimate of the
 * kernel's drops on our socket: `cap` offers no pcap_stats, but without a capture filter every
 * packet the interface counted should reach libpcap, so what it counted and we never saw (a report
 * later, leaving time for packets still queued) was dropped on the way.
 */
import { readFileSync } from 'node:fs';

interface Reading {
  readonly rx: number;
  readonly tx: number;
  readonly dropped: number;
}

export class InterfaceCounters {
  readonly #base: Reading | undefined;
  readonly #loopback: boolean;
  #expectedBefore = 0;
  #kernelDropped = 0;

  constructor(private readonly name: string) {
    this.#base = this.#read();
    this.#loopback = name === 'lo' || this.#text('type') === '772'; // ARPHRD_LOOPBACK
  }

  /** Counters since construction; nulls where the platform or the interface gives none. */
  sample(seen: number, unfiltered: boolean): { interfaceDropped: number | null; kernelDroppedEstimate: number | null } {
    const base = this.#base;
    const now = this.#read();
    if (base === undefined || now === undefined) return { interfaceDropped: null, kernelDroppedEstimate: null };
    // A packet on loopback is counted once sent and once received but captured once.
    const expected = now.rx - base.rx + (this.#loopback ? 0 : now.tx - base.tx);
    this.#kernelDropped = Math.max(this.#kernelDropped, this.#expectedBefore - seen);
    this.#expectedBefore = expected;
    return {
      interfaceDropped: now.dropped - base.dropped,
      kernelDroppedEstimate: unfiltered && this.name !== 'any' ? this.#kernelDropped : null,
    };
  }

  #read(): Reading | undefined {
    const rx = this.#number('statistics/rx_packets');
    const tx = this.#number('statistics/tx_packets');
    const dropped = this.#number('statistics/rx_dropped');
    if (rx === undefined || tx === undefined || dropped === undefined) return undefined;
    return { rx, tx, dropped: dropped + (this.#number('statistics/rx_missed_errors') ?? 0) };
  }

  #number(file: string): number | undefined {
    const text = this.#text(file);
    const value = text === undefined ? Number.NaN : Number(text);
    return Number.isFinite(value) ? value : undefined;
  }

  #text(file: string): string | undefined {
    if (process.platform !== 'linux') return undefined;
    try {
      return readFileSync(`/sys/class/net/${this.name}/${file}`, 'utf8').trim();
    } catch (error) {
      // No such interface file (the `any` device, a platform without sysfs): no counter, not a failure.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
