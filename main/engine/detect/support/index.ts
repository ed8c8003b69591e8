/** Shared building blocks for rule detectors: keys, bounded tables, windows, cooldowns, grading. */
export { addressText, dstKey, pairKey, serviceAddressText, serviceKey, srcKey } from './address-key';
export type { AddressKey } from './address-key';
export { BoundedMap } from './bounded-map';
export { Cooldown } from './cooldown';
export { DistinctCounter, DistinctSet, DistinctWindow } from './distinct-counter';
export { FloodMeter } from './flood-meter';
export type { FloodMeterOptions } from './flood-meter';
export type { DistinctCounterOptions } from './distinct-counter';
export { isGroupDestination } from './multicast';
export { packetTime } from './packet-time';
export { scoreOver, severityOver } from './severity';
export { attributeSources, DOMINANT_SHARE, floodSources } from './sources';
export type { FloodSources, SourceAttribution } from './sources';
export { tallyRates, WindowCounter, WindowTally } from './window-counter';
export type { WindowCounterOptions } from './window-counter';
