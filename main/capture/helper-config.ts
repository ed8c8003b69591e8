/** The capture settings, checked where they enter: the contract, the CLI and the helper's argument. */
import type { HelperConfig } from './helper-protocol';

/** 262,144 bytes: tcpdump's and dumpcap's default snap length (MAXIMUM_SNAPLEN in libpcap). */
export const DEFAULT_SNAPLEN = 262_144;
/**
 * 32 MiB. cap turns on immediate mode, in which libpcap on Linux uses a TPACKET_V2 ring of
 * fixed-size slots, each as large as the snap length cap sets (65,535) wherever offloads hide the
 * MTU: 2 MiB, libpcap's default, is then only 32 slots, and an nmap scan's burst overflowed it
 * (34 of 402 packets seen on a veth; 403 of 402 with 32 MiB, in the same run as tcpdump).
 * 32 MiB holds about 500 frames of any size.
 */
export const DEFAULT_BUFFER_BYTES = 32 * 1024 * 1024;
/** 65,535: cap hands frames through a buffer this size, so longer frames are cut to it anyway. */
export const CAP_FRAME_LIMIT = 65_535;

export const INTERFACE_NAME = /^[A-Za-z0-9_.:@-]{1,64}$/;

/** The config with defaults, or a sentence saying what is wrong with it. */
export function checkHelperConfig(input: {
  readonly interface: string;
  readonly filter?: string;
  readonly snaplen?: number;
  readonly promiscuous?: boolean;
  readonly bufferBytes?: number;
}): HelperConfig | string {
  if (!INTERFACE_NAME.test(input.interface)) return `"${input.interface}" is not an interface name`;
  const snaplen = input.snaplen ?? DEFAULT_SNAPLEN;
  if (!Number.isInteger(snaplen) || snaplen < 64 || snaplen > DEFAULT_SNAPLEN) {
    return `snap length must be a whole number from 64 to ${DEFAULT_SNAPLEN}, not ${snaplen}`;
  }
  const bufferBytes = input.bufferBytes ?? DEFAULT_BUFFER_BYTES;
  if (!Number.isInteger(bufferBytes) || bufferBytes < 65_536 || bufferBytes > 1024 * 1024 * 1024) {
    return `buffer size must be a whole number of bytes from 64 KiB to 1 GiB, not ${bufferBytes}`;
  }
  const filter = input.filter ?? '';
  if (filter.length > 4096) return 'the capture filter is longer than 4096 characters';
  return {
    interface: input.interface,
    filter,
    snaplen: Math.min(snaplen, CAP_FRAME_LIMIT),
    promiscuous: input.promiscuous ?? true,
    bufferBytes,
  };
}

/** The helper's JSON argument, checked. */
export function parseHelperConfig(argument: string | undefined): HelperConfig | string {
  if (argument === undefined) return 'no capture settings were given';
  let raw: unknown;
  try {
    raw = JSON.parse(argument);
  } catch (error) {
    return `capture settings are not JSON: ${String(error)}`;
  }
  if (typeof raw !== 'object' || raw === null) return 'capture settings are not an object';
  const record = raw as Record<string, unknown>;
  if (typeof record.interface !== 'string') return 'capture settings name no interface';
  return checkHelperConfig({
    interface: record.interface,
    ...(typeof record.filter === 'string' ? { filter: record.filter } : {}),
    ...(typeof record.snaplen === 'number' ? { snaplen: record.snaplen } : {}),
    ...(typeof record.promiscuous === 'boolean' ? { promiscuous: record.promiscuous } : {}),
    ...(typeof record.bufferBytes === 'number' ? { bufferBytes: record.bufferBytes } : {}),
  });
}
