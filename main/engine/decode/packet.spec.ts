import { describe, expect, it } from 'vitest';
import { Packet } from './packet';

describe('Packet', () => {
  it('should reset every fact to its initial value, so nothing leaks from one packet to the next', () => {
    const fresh = new Packet();
    const used = new Packet();
    const record = used as unknown as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (typeof value === 'number') record[key] = 7;
      else if (typeof value === 'boolean') record[key] = true;
    }
    used.src.fill(9);
    used.dst.fill(9);
    used.reset();
    const { linktype, caplen, wirelen, seconds, nanos, ...facts } = used;
    const { linktype: l, caplen: c, wirelen: w, seconds: s, nanos: n, ...freshFacts } = fresh;
    expect([linktype, caplen, wirelen, seconds, nanos]).toEqual([7, 7, 7, 7, 7]); // frame fields are the caller's
    expect([l, c, w, s, n]).toEqual([0, 0, 0, 0, 0]);
    expect(facts).toEqual(freshFacts);
  });
});
