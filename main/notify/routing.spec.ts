import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';
import { route } from './routing';
import { sampleAlert } from './testing/sample-alert';
import { sampleContact } from './testing/sample-contact';

const NOON_UTC = Date.parse('2026-01-15T12:00:00Z');
const MIDNIGHT_UTC = Date.parse('2026-01-15T00:30:00Z');

describe('route', () => {
  it('should skip a disabled contact, a lower severity and an unwanted kind', () => {
    const limiter = new RateLimiter();
    const alert = sampleAlert({ severity: 'medium', kind: 'port_scan' });
    expect(route(sampleContact({ enabled: false }), alert, NOON_UTC, limiter)).toEqual({ action: 'skip' });
    expect(route(sampleContact({ minSeverity: 'high' }), alert, NOON_UTC, limiter)).toEqual({ action: 'skip' });
    expect(route(sampleContact({ kinds: ['dns_tunnel'] }), alert, NOON_UTC, limiter)).toEqual({ action: 'skip' });
    expect(route(sampleContact({ kinds: ['port_scan'] }), alert, NOON_UTC, limiter)).toEqual({ action: 'send' });
  });

  it('should defer during quiet hours in the contact zone unless critical and allowed to override', () => {
    const limiter = new RateLimiter();
    const quietHours = { from: '22:00', to: '07:00', timeZone: 'UTC' };
    const high = sampleAlert({ severity: 'high' });
    const critical = sampleAlert({ severity: 'critical' });
    expect(route(sampleContact({ quietHours }), high, MIDNIGHT_UTC, limiter)).toEqual({
      action: 'defer',
      why: 'quiet-hours',
    });
    expect(route(sampleContact({ quietHours }), critical, MIDNIGHT_UTC, limiter)).toEqual({ action: 'send' });
    expect(
      route(sampleContact({ quietHours, criticalOverridesQuiet: false }), critical, MIDNIGHT_UTC, limiter),
    ).toEqual({
      action: 'defer',
      why: 'quiet-hours',
    });
    // The same instant is 09:30 in Tokyo: not quiet there.
    expect(
      route(sampleContact({ quietHours: { ...quietHours, timeZone: 'Asia/Tokyo' } }), high, MIDNIGHT_UTC, limiter),
    ).toEqual({
      action: 'send',
    });
  });

  it('should send lower severities to the digest', () => {
    const contact = sampleContact({ digestBelow: 'high' });
    const limiter = new RateLimiter();
    expect(route(contact, sampleAlert({ severity: 'medium' }), NOON_UTC, limiter)).toEqual({
      action: 'defer',
      why: 'digest',
    });
    expect(route(contact, sampleAlert({ severity: 'high' }), NOON_UTC, limiter)).toEqual({ action: 'send' });
  });

  it('should defer past the hourly limit per contact and free a slot an hour later', () => {
    const limiter = new RateLimiter();
    const contact = sampleContact({ maxPerHour: 2 });
    const other = sampleContact({ id: 'c2', maxPerHour: 2 });
    const alert = sampleAlert();
    expect(route(contact, alert, NOON_UTC, limiter).action).toBe('send');
    expect(route(contact, alert, NOON_UTC + 1000, limiter).action).toBe('send');
    expect(route(contact, alert, NOON_UTC + 2000, limiter)).toEqual({ action: 'defer', why: 'rate-limit' });
    expect(route(other, alert, NOON_UTC + 2000, limiter).action).toBe('send');
    expect(route(contact, alert, NOON_UTC + 60 * 60_000 + 1, limiter).action).toBe('send');
  });
});
