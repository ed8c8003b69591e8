/**
 * Reads tshark's protocol hierarchy (`-z io,phs`): frames per protocol, summed over every place
 * the protocol appears in the tree (udp under ip, under ipv6, under vlan > ip …). Captures
 * without tunnels carry each protocol once per frame, so the sum is that protocol's frame count.
 */

export interface ProtocolHierarchy {
  /** Frames in the capture: the top level of the tree. */
  readonly frames: number;
  /** Frames per protocol name as tshark spells it (tcp, udp, dns, icmpv6, arp, _ws.malformed …). */
  readonly protocols: ReadonlyMap<string, number>;
}

const LINE = /^( *)(\S+)\s+frames:(\d+)\s+bytes:\d+\s*$/;

export function parseProtocolHierarchy(output: string): ProtocolHierarchy {
  const start = output.indexOf('Protocol Hierarchy Statistics');
  if (start < 0) throw new Error('no "Protocol Hierarchy Statistics" in tshark output');
  const protocols = new Map<string, number>();
  let frames = 0;
  let rows = 0;
  for (const line of output.slice(start).split('\n').slice(1)) {
    if (line.startsWith('====')) break;
    const match = LINE.exec(line);
    if (match === null) continue;
    const [, indent = '', name = '', count = '0'] = match;
    rows += 1;
    protocols.set(name, (protocols.get(name) ?? 0) + Number(count));
    if (indent.length === 0) frames += Number(count);
  }
  if (rows === 0) throw new Error('tshark printed an empty protocol hierarchy');
  return { frames, protocols };
}
