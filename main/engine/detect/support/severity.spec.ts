import { describe, expect, it } from 'vitest';
import { scoreOver, severityOver } from './severity';

describe('scoreOver', () => {
  it('should score 0.5 at the threshold and 1 at ten times it', () => {
    expect(scoreOver(100, 100)).toBe(0.5);
    expect(scoreOver(1000, 100)).toBe(1);
    expect(scoreOver(100_000, 100)).toBe(1);
    expect(scoreOver(0, 100)).toBe(0);
  });
});

describe('severityOver', () => {
  it('should raise severity one step per fourfold past the threshold', () => {
    expect(severityOver(100, 100, 'low')).toBe('low');
    expect(severityOver(400, 100, 'low')).toBe('medium');
    expect(severityOver(1600, 100, 'low')).toBe('high');
    expect(severityOver(1600, 100, 'high')).toBe('critical');
  });
});
