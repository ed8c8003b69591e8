import { describe, expect, it } from 'vitest';
import { Cooldown } from './cooldown';

describe('Cooldown', () => {
  it('should fire once per interval per key', () => {
    const cooldown = new Cooldown<string>(60, 10);
    expect(cooldown.tryFire('a', 0)).toBe(true);
    expect(cooldown.tryFire('a', 30)).toBe(false);
    expect(cooldown.tryFire('b', 30)).toBe(true);
    expect(cooldown.cooling('a', 59)).toBe(true);
    expect(cooldown.tryFire('a', 60)).toBe(true);
    expect(cooldown.suppressed).toBe(1);
  });

  it('should fire again when capture time goes backwards (a second file)', () => {
    const cooldown = new Cooldown<number>(60, 10);
    expect(cooldown.tryFire(1, 1000)).toBe(true);
    expect(cooldown.tryFire(1, 10)).toBe(true);
  });
});
