/**
 * Who is behind a flood: one source, or many (a spoofed or distributed flood, reported with src
 * null). Reads a DistinctSet of sources kept per target.
 */
import type { AddressKey } from './address-key';
import { addressText } from './address-key';
import type { DistinctSet } from './distinct-counter';

export interface SourceAttribution {
  /** The dominant source's text, or null when no source sent `dominantShare` of the packets. */
  readonly src: string | null;
  /** Distinct sources seen in the window (saturates at the set's cap). */
  readonly sources: number;
  /** True when the set was full, so `sources` is a lower bound. */
  readonly sourcesCapped: boolean;
  /** Up to five busiest sources, as text. */
  readonly topSources: readonly string[];
}

/**
 * Default dominant share: one source sending 80 % of a flood is "the" attacker even while a few
 * legitimate clients keep talking to the victim; below that the flood is distributed or spoofed.
 */
export const DOMINANT_SHARE = 0.8;

/** Attribution of the packets counted in `set`. Allocates: call when reporting. */
export function attributeSources(set: DistinctSet<AddressKey>, dominantShare = DOMINANT_SHARE): SourceAttribution {
  const entries = set.entries().sort((a, b) => b[1] - a[1]);
  let total = set.overflow;
  for (const [, hits] of entries) total += hits;
  const top = entries[0];
  const dominant = top !== undefined && total > 0 && top[1] / total >= dominantShare ? top[0] : undefined;
  return {
    src: dominant === undefined ? null : addressText(dominant),
    sources: set.size,
    sourcesCapped: set.overflow > 0,
    topSources: entries.slice(0, 5).map(([key]) => addressText(key)),
  };
}

/** A flood's sources as its report needs them: the alert's src, a phrase, and the evidence fields. */
export interface FloodSources {
  readonly src: string | null;
  /** "10.77.0.66", "12 sources" or "at least 64 sources", for the summary sentence. */
  readonly phrase: string;
  readonly evidence: {
    readonly sources: number;
    readonly sourcesCapped: boolean;
    readonly topSources: readonly string[];
  };
}

/** Describes the sources a flood meter kept for a target (none kept: "0 sources"). Allocates. */
export function floodSources(set: DistinctSet<AddressKey> | undefined): FloodSources {
  const sources = set === undefined ? undefined : attributeSources(set);
  const count = sources?.sources ?? 0;
  const capped = sources?.sourcesCapped ?? false;
  return {
    src: sources?.src ?? null,
    phrase: sources?.src ?? `${capped ? 'at least ' : ''}${count} sources`,
    evidence: { sources: count, sourcesCapped: capped, topSources: sources?.topSources ?? [] },
  };
}
