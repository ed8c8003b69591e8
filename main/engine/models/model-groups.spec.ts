// Flagged flows become groups of one source or one target, and only groups reaching minFlows report.
import { describe, expect, it } from 'vitest';
import { FlowGroups, type FlaggedFlow, type Votes } from './model-groups';

function flow(src: string, dst: string, at: number, verdict = 'anomaly'): FlaggedFlow {
  return {
    src,
    dst,
    dstPort: 80,
    firstSeen: at,
    lastSeen: at + 1,
    flowId: 1,
    verdict,
    model: 'm',
    score: 0.7,
    explanation: null,
    values: [],
  };
}

const atLeast =
  (n: number) =>
  (votes: Votes): boolean =>
    [...votes.values()].some((count) => count >= n);

describe('flow groups', () => {
  it('should report a scan as one source and its one target', () => {
    const groups = new FlowGroups(60, atLeast(5));
    for (let i = 0; i < 10; i++) groups.add(flow('10.0.0.66', '10.0.0.10', 100 + i));
    const ready = groups.takeEndedBefore(Infinity);
    expect(ready.map(({ src, dst }) => [src, dst])).toEqual([['10.0.0.66', '10.0.0.10']]);
    expect(ready[0]?.votes.get('m|anomaly')).toBe(10);
  });

  it('should report a sweep with no single target, and a spoofed flood with no single source', () => {
    const groups = new FlowGroups(60, atLeast(5));
    for (let i = 0; i < 8; i++) groups.add(flow('10.0.0.66', `10.0.0.${i + 1}`, 120));
    for (let i = 0; i < 200; i++) groups.add(flow(`192.0.2.${i}`, '10.0.0.10', 130));
    const ready = groups.takeEndedBefore(Infinity);
    expect(ready.map(({ src, dst }) => [src, dst])).toEqual([
      ['10.0.0.66', null],
      [null, '10.0.0.10'],
    ]);
  });

  it('should not report a few odd flows, nor a window that has not ended', () => {
    const groups = new FlowGroups(60, atLeast(5));
    for (let i = 0; i < 4; i++) groups.add(flow('10.0.0.21', '10.0.0.10', 10));
    for (let i = 0; i < 9; i++) groups.add(flow('10.0.0.66', '10.0.0.10', 70));
    expect(groups.takeEndedBefore(100)).toEqual([]);
    expect(groups.takeEndedBefore(Infinity).map(({ src }) => src)).toEqual(['10.0.0.66']);
  });

  it('should not count a reported source again at its target', () => {
    const groups = new FlowGroups(60, atLeast(5));
    for (let i = 0; i < 6; i++) groups.add(flow('10.0.0.66', '10.0.0.10', 10));
    for (let i = 0; i < 3; i++) groups.add(flow('10.0.0.21', '10.0.0.10', 10));
    expect(groups.takeEndedBefore(Infinity).map(({ src, dst }) => [src, dst])).toEqual([['10.0.0.66', '10.0.0.10']]);
  });
});
