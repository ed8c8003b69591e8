import { describe, expect, it } from 'vitest';
import { SourceMap } from './source-map';

// Generated line 0: column 0 -> a.ts line 1; column 10 -> a.ts line 3. Line 1: column 2 -> b.ts line 5.
// Segments: "AAAA" [0,0,0,0]; "UAEA" [+10,0,+2,0]; "ECEA" [+2,+1,+2,0] (relative fields, base64 VLQ).
const MAP = JSON.stringify({ version: 3, sources: ['../../main/a.ts', '../../main/b.ts'], mappings: 'AAAA,UAEA;ECEA' });

describe('SourceMap', () => {
  it('should find the source line of a generated position', () => {
    const map = new SourceMap(MAP);
    expect(map.lookup(0, 0)).toEqual({ source: '../../main/a.ts', line: 1 });
    expect(map.lookup(0, 9)).toEqual({ source: '../../main/a.ts', line: 1 });
    expect(map.lookup(0, 25)).toEqual({ source: '../../main/a.ts', line: 3 });
    expect(map.lookup(1, 4)).toEqual({ source: '../../main/b.ts', line: 5 });
    expect(map.lookup(7, 0)).toBeUndefined();
  });
});
