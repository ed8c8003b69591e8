import { describe, expect, it } from 'vitest';
import { trayState } from './tray-state';

describe('trayState', () => {
  it('should say it is monitoring when nothing waits', () => {
    expect(trayState({ waiting: 0, pausedUntil: null })).toEqual({
      tooltip: 'Wirewatch: Monitoring',
      headline: 'Monitoring',
      paused: false,
    });
  });

  it('should count the new alerts waiting', () => {
    expect(trayState({ waiting: 1, pausedUntil: null }).headline).toBe('1 new alert waiting');
    expect(trayState({ waiting: 3, pausedUntil: null }).tooltip).toBe('Wirewatch: 3 new alerts waiting');
  });

  it('should say until when notifications are paused', () => {
    const state = trayState({ waiting: 2, pausedUntil: Date.parse('2026-01-15T13:05:00Z') }, 'UTC');
    expect(state).toEqual({
      tooltip: 'Wirewatch: 2 new alerts waiting; notifications paused until 13:05',
      headline: '2 new alerts waiting; notifications paused until 13:05',
      paused: true,
    });
  });
});
