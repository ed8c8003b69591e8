import { describe, expect, it } from 'vitest';
import { checkHelperConfig, DEFAULT_BUFFER_BYTES, parseHelperConfig } from './helper-config';

describe('capture settings', () => {
  it('should fill defaults and cut the snap length to what the capture binding delivers', () => {
    expect(checkHelperConfig({ interface: 'eth0' })).toEqual({
      interface: 'eth0',
      filter: '',
      snaplen: 65_535,
      promiscuous: true,
      bufferBytes: DEFAULT_BUFFER_BYTES,
    });
    expect(checkHelperConfig({ interface: 'eth0', snaplen: 96 })).toMatchObject({ snaplen: 96 });
  });

  it('should refuse what libpcap would refuse or misread, in a sentence', () => {
    expect(checkHelperConfig({ interface: 'eth0; rm -rf /' })).toMatch(/not an interface name/);
    expect(checkHelperConfig({ interface: 'eth0', snaplen: 10 })).toMatch(/snap length/);
    expect(checkHelperConfig({ interface: 'eth0', bufferBytes: 100 })).toMatch(/buffer size/);
    expect(parseHelperConfig('{')).toMatch(/not JSON/);
    expect(parseHelperConfig('{"filter":"tcp"}')).toMatch(/no interface/);
    expect(parseHelperConfig(undefined)).toMatch(/no capture settings/);
  });
});
