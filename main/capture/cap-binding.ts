/**
 * The parts of the `cap` package (libpcap binding, no type declarations of its own) the capture
 * helper uses. Loaded only in the helper process: cap's poller runs on the loading thread's event
 * loop and cannot be loaded in worker threads (STACK-FACTS).
 */
import { createRequire } from 'node:module';

export interface CapDevice {
  readonly name: string;
  readonly description?: string;
  readonly addresses: readonly { readonly addr: string; readonly netmask?: string }[];
  readonly flags?: string;
}

export interface CapHandle {
  /** Opens and activates the device; returns cap's link type name. Throws libpcap's message. */
  open(device: string, filter: string, bufferBytes: number, buffer: Buffer): string;
  close(): void;
  on(event: 'packet', listener: (nbytes: number, truncated: boolean) => void): void;
}

export interface CapModule {
  readonly Cap: { new (): CapHandle; deviceList(): CapDevice[] };
}

export function loadCap(): CapModule {
  return createRequire(__filename)('cap') as CapModule;
}

/** cap's link type names back to numbers (tcpdump.org/linktypes.html). */
export const CAP_LINKTYPES: Readonly<Record<string, number>> = {
  NULL: 0,
  ETHERNET: 1,
  IEEE802_11_RADIO: 127,
  LINKTYPE_LINUX_SLL: 113,
  RAW: 101,
};
