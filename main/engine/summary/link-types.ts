/** Names for the link types a capture may declare (tcpdump.org/linktypes.html). */
import { LINKTYPE } from '../sources/frame-batch';

const NAMES: ReadonlyMap<number, string> = new Map([
  [LINKTYPE.NULL, 'BSD loopback (NULL)'],
  [LINKTYPE.ETHERNET, 'Ethernet'],
  [LINKTYPE.RAW, 'Raw IP'],
  [LINKTYPE.LOOP, 'OpenBSD loopback (LOOP)'],
  [LINKTYPE.LINUX_SLL, 'Linux cooked (SLL)'],
  [LINKTYPE.IPV4, 'Raw IPv4'],
  [LINKTYPE.IPV6, 'Raw IPv6'],
  [LINKTYPE.LINUX_SLL2, 'Linux cooked v2 (SLL2)'],
  [105, 'IEEE 802.11'],
  [127, 'IEEE 802.11 radiotap'],
]);

export function linkTypeName(linktype: number): string {
  return NAMES.get(linktype) ?? `link type ${linktype}`;
}
