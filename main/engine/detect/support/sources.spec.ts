import { describe, expect, it } from 'vitest';
import type { AddressKey } from './address-key';
import { DistinctCounter } from './distinct-counter';
import { attributeSources, floodSources } from './sources';

function sourcesOf(hits: readonly [AddressKey, number][]) {
  const counter = new DistinctCounter<string, AddressKey>({ windowSeconds: 10, maxKeys: 4, maxValuesPerKey: 64 });
  for (const [source, count] of hits) for (let i = 0; i < count; i++) counter.add('victim', source, 1);
  const set = counter.peek('victim');
  if (set === undefined) throw new Error('no set recorded');
  return attributeSources(set);
}

describe('attributeSources', () => {
  it('should name a source that sent most of the packets', () => {
    const result = sourcesOf([
      [0x0a4d0009, 90],
      [0x0a4d0105, 10],
    ]);
    expect(result).toMatchObject({ src: '10.77.0.9', sources: 2, sourcesCapped: false });
    expect(result.topSources).toEqual(['10.77.0.9', '10.77.1.5']);
  });

  it('should report no source when none dominates', () => {
    const hits: [AddressKey, number][] = [];
    for (let i = 0; i < 100; i++) hits.push([0x0b000000 + i, 1]);
    const result = sourcesOf(hits);
    expect(result).toMatchObject({ src: null, sources: 64, sourcesCapped: true });
  });
});

describe('floodSources', () => {
  function setOf(hits: readonly [AddressKey, number][], maxValuesPerKey = 64) {
    const counter = new DistinctCounter<string, AddressKey>({ windowSeconds: 10, maxKeys: 4, maxValuesPerKey });
    for (const [source, count] of hits) for (let i = 0; i < count; i++) counter.add('victim', source, 1);
    return counter.peek('victim');
  }

  it('should name the one source of a flood, or count many, marking a capped count', () => {
    expect(floodSources(setOf([[0x0a4d0042, 50]]))).toMatchObject({ src: '10.77.0.66', phrase: '10.77.0.66' });
    const spread = floodSources(setOf([1, 2, 3].map((host): [AddressKey, number] => [0x0a4d0000 + host, 5])));
    expect(spread).toMatchObject({ src: null, phrase: '3 sources', evidence: { sources: 3, sourcesCapped: false } });
    const capped = floodSources(
      setOf(
        [1, 2, 3, 4].map((host): [AddressKey, number] => [0x0a4d0000 + host, 5]),
        2,
      ),
    );
    expect(capped.phrase).toBe('at least 2 sources');
  });

  it('should say no sources were kept when the meter kept none', () => {
    expect(floodSources(undefined)).toEqual({
      src: null,
      phrase: '0 sources',
      evidence: { sources: 0, sourcesCapped: false, topSources: [] },
    });
  });
});
