/** Live capture: interfaces now; starting and stopping a capture arrive with the capture process. */
import * as v from 'valibot';
import { request, type } from './contract';

export interface InterfaceAddress {
  readonly address: string;
  readonly family: 'IPv4' | 'IPv6';
  readonly cidr: string | null;
}

export interface CaptureInterface {
  readonly name: string;
  readonly addresses: readonly InterfaceAddress[];
  readonly mac: string | null;
  /** The kernel's operational state, e.g. `up`, `down`, `unknown` (loopback reports unknown). */
  readonly state: string;
  readonly loopback: boolean;
  readonly wireless: boolean;
}

export const captureRequests = {
  'capture:interfaces': request(v.strictTuple([]), type<readonly CaptureInterface[]>()),
};

export const captureEvents = {};
