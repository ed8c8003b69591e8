import { describe, expect, it } from 'vitest';
import { testPacket } from '../../flows/test-packets';
import { isGroupDestination } from './multicast';

describe('isGroupDestination', () => {
  it('should recognise multicast and broadcast destinations', () => {
    expect(isGroupDestination(testPacket({ t: 0, src: '10.0.0.1', dst: '224.0.0.251' }))).toBe(true);
    expect(isGroupDestination(testPacket({ t: 0, src: '10.0.0.1', dst: '239.255.255.250' }))).toBe(true);
    expect(isGroupDestination(testPacket({ t: 0, src: '10.0.0.1', dst: '255.255.255.255' }))).toBe(true);
    expect(isGroupDestination(testPacket({ t: 0, src: 'fe80::1', dst: 'ff02::fb' }))).toBe(true);
    expect(isGroupDestination(testPacket({ t: 0, src: '10.0.0.1', dst: '10.0.0.2' }))).toBe(false);
    expect(isGroupDestination(testPacket({ t: 0, src: 'fe80::1', dst: '2001:db8::2' }))).toBe(false);
  });
});
