/**
 * The office's address plan. Every address is in 10.77.0.0/16 or fd77::/64 (unique local,
 * RFC 4193), so generated captures can never be mistaken for, or leak, real addresses. MACs are
 * locally administered (02:…, IEEE 802 §8.2) and derived from the IPv4 address, so a frame's MAC
 * and IP always agree.
 */

export interface Host {
  readonly mac: Uint8Array;
  readonly ipv4: Uint8Array;
  /** Set for dual-stack hosts. */
  readonly ipv6: Uint8Array | undefined;
  /** 802.1Q VLAN id its frames carry on the uplink; 0 for untagged. */
  readonly vlan: number;
}

/** 10.77.`c`.`d`, with fd77::`c`:`d` when dual-stack. */
export function makeHost(c: number, d: number, options: { dualStack?: boolean; vlan?: number } = {}): Host {
  const ipv6 = new Uint8Array(16);
  ipv6.set([0xfd, 0x77]);
  ipv6[13] = c;
  ipv6[15] = d;
  return {
    mac: Uint8Array.of(0x02, 0x00, 10, 77, c, d),
    ipv4: Uint8Array.of(10, 77, c, d),
    ipv6: options.dualStack === true ? ipv6 : undefined,
    vlan: options.vlan ?? 0,
  };
}

/** Hosts 10.77.`c`.`first` … in order, wrapping into the next /24 after .250. */
export function hostRange(count: number, c: number, options: { dualStackEvery?: number; vlan?: number } = {}): Host[] {
  const every = options.dualStackEvery ?? 0;
  return Array.from({ length: count }, (_, n) =>
    makeHost(c + Math.floor(n / 250), 1 + (n % 250), {
      dualStack: every > 0 && n % every === 0,
      ...(options.vlan === undefined ? {} : { vlan: options.vlan }),
    }),
  );
}
