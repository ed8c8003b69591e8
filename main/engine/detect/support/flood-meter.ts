/**
 * Packets, bytes and distinct sources per target over a sliding window of capture time: the common
 * measure of the flood rules (udp, icmp, syn, tcp flags). Both tables are bounded, so a flood with
 * a million spoofed sources or targets costs a fixed amount of memory.
 */
import type { AddressKey } from './address-key';
import type { DistinctSet } from './distinct-counter';
import { DistinctCounter } from './distinct-counter';
import type { WindowTally } from './window-counter';
import { WindowCounter } from './window-counter';

export interface FloodMeterOptions {
  /** Window length in seconds of capture time. */
  readonly windowSeconds: number;
  /** Most targets tracked. */
  readonly maxTargets: number;
  /** Most distinct sources kept per target (beyond: counted as overflow, "many"). */
  readonly maxSourcesPerTarget: number;
  /**
   * Record sources only once the target's window holds this many packets (default 0: always).
   * Most targets never come near a flood, so skipping the source table for them halves the cost per
   * packet; attribution then covers the packets since the target got busy, which is the flood.
   */
  readonly sourcesFromCount?: number;
}

export class FloodMeter<T extends AddressKey = AddressKey> {
  readonly traffic: WindowCounter<T>;
  readonly sources: DistinctCounter<T, AddressKey>;
  private readonly sourcesFrom: number;

  constructor(readonly options: FloodMeterOptions) {
    this.sourcesFrom = options.sourcesFromCount ?? 0;
    this.traffic = new WindowCounter({ windowSeconds: options.windowSeconds, maxKeys: options.maxTargets });
    this.sources = new DistinctCounter({
      windowSeconds: options.windowSeconds,
      maxKeys: options.maxTargets,
      maxValuesPerKey: options.maxSourcesPerTarget,
    });
  }

  /** Counts one packet of `bytes` from `source` to `target` at `time`; returns the target's window. */
  add(target: T, source: AddressKey, time: number, bytes: number): WindowTally {
    const tally = this.traffic.add(target, time, bytes);
    if (tally.count >= this.sourcesFrom) this.sources.add(target, source, time);
    return tally;
  }

  /**
   * True when `host` is a target whose window held at least `sourcesFromCount` packets when last
   * counted. Reads without advancing the window, so it may say busy a little too long: cheap enough
   * to ask for every packet.
   */
  isBusy(host: T): boolean {
    const tally = this.traffic.table.peek(host);
    return tally !== undefined && tally.count >= this.sourcesFrom;
  }

  /** The target's sources within the window, or undefined when unknown. */
  sourcesOf(target: T): DistinctSet<AddressKey> | undefined {
    return this.sources.peek(target);
  }
}
