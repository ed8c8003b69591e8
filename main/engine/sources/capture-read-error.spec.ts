import { describe, expect, it } from 'vitest';
import { CaptureReadError } from './capture-read-error';

describe('CaptureReadError', () => {
  it('should say what, where and in which byte space, and keep the frame count for the UI', () => {
    const error = new CaptureReadError(
      'truncated-record',
      1234,
      1_234_567,
      'the data ends 3 bytes into it',
      'decompressed',
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CaptureReadError');
    expect(error.message).toBe(
      'truncated record at byte offset 1234 of the decompressed data: the data ends 3 bytes into it',
    );
    expect(`analysed ${error.framesRead.toLocaleString('en-US')} packets, then: ${error.message}`).toMatch(
      /^analysed 1,234,567 packets, then: truncated record at byte offset 1234/,
    );
  });
});
