import { describe, expect, it } from 'vitest';
import { followIndex } from './view-anchor';

describe('followIndex', () => {
  it('should follow an alert pushed down by newer ones above it', () => {
    expect(followIndex(['c', 'b', 'a'], ['e', 'd', 'c', 'b', 'a'], 1)).toBe(3);
  });

  it('should follow an alert moved up when one above it is suppressed', () => {
    expect(followIndex(['c', 'b', 'a'], ['c', 'a'], 2)).toBe(1);
  });

  it('should keep the row number, inside the list, when the alert itself is gone', () => {
    expect(followIndex(['c', 'b', 'a'], ['c', 'a'], 1)).toBe(1);
    expect(followIndex(['c', 'b', 'a'], ['c'], 2)).toBe(0);
    expect(followIndex(['c'], [], 0)).toBe(0);
  });

  it('should keep a row number past the known ids as it is, within the list', () => {
    expect(followIndex(['b', 'a'], ['d', 'c', 'b', 'a'], 3)).toBe(3);
  });
});
