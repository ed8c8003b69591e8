import { describe, expect, it } from 'vitest';
import { fitOneSegment, smsLength } from './sms-text';

describe('smsLength', () => {
  it('should count GSM-7 characters, escape-table ones twice', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsLength('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(smsLength('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsLength('[' + 'a'.repeat(159))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
  });

  it('should fall back to UCS-2 at 70 units for characters GSM-7 lacks', () => {
    expect(smsLength('ä'.repeat(70)).encoding).toBe('gsm7');
    expect(smsLength('ł'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsLength('ł'.repeat(71))).toEqual({ encoding: 'ucs2', units: 71, segments: 2 });
  });
});

describe('fitOneSegment', () => {
  it('should keep a short message as it is', () => {
    expect(fitOneSegment('Wirewatch HIGH port_scan')).toBe('Wirewatch HIGH port_scan');
  });

  it('should replace typographic characters so a message stays GSM-7', () => {
    expect(fitOneSegment('a → b “quoted” — done')).toBe('a -> b "quoted" - done');
  });

  it('should cut a long message at a word to 160 GSM-7 characters with an ellipsis', () => {
    const fitted = fitOneSegment(`${'word '.repeat(60)}end`);
    expect(smsLength(fitted)).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect(fitted.endsWith('word...')).toBe(true);
  });

  it('should cut a message that must be UCS-2 to 70 units', () => {
    const fitted = fitOneSegment(`Wirewatch: ${'łódź '.repeat(30)}`);
    expect(smsLength(fitted)).toMatchObject({ encoding: 'ucs2', segments: 1 });
  });
});
