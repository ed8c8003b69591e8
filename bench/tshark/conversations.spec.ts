import { describe, expect, it } from 'vitest';
import { pairKey, parseConversations } from './conversations';

// As tshark 4.0 prints -z conv,ip -z conv,ipv6, trimmed.
const OUTPUT = `
================================================================================
IPv4 Conversations
Filter:<No Filter>
                                               |       <-      | |       ->      | |     Total     |    Relative    |   Duration   |
                                               | Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |
10.77.2.105          <-> 10.77.101.3            14240 21 MB        7121 427 kB      21361 21 MB         0.038926000         7.0494
10.77.66.6           <-> 10.77.100.32            1024 61 kB        1027 67 kB        2051 129 kB        0.299641000         0.5118
================================================================================
================================================================================
IPv6 Conversations
Filter:<No Filter>
                                               |       <-      | |       ->      | |     Total     |    Relative    |   Duration   |
                                               | Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |
fd77::2:3            <-> fd77::64:1e               70 100 kB         37 3051 bytes     107 103 kB        3.254883000         0.0686
================================================================================
`;

describe('parseConversations', () => {
  it('should read total frames per address pair from both tables', () => {
    const frames = parseConversations(OUTPUT, ['IPv4 Conversations', 'IPv6 Conversations']);
    expect(frames.size).toBe(3);
    expect(frames.get(pairKey('10.77.101.3', '10.77.2.105'))).toBe(21361);
    expect(frames.get(pairKey('10.77.100.32', '10.77.66.6'))).toBe(2051);
    expect(frames.get(pairKey('fd77::2:3', 'fd77::64:1e'))).toBe(107);
  });

  it('should key a pair the same whichever way round it is written', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
  });

  it('should refuse output without the table asked for', () => {
    expect(() => parseConversations(OUTPUT, ['Ethernet Conversations'])).toThrow(/Ethernet Conversations/);
  });
});
