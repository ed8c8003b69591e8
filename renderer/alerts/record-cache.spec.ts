import { describe, expect, it } from 'vitest';
import { RecordCache } from './record-cache';

interface Row {
  readonly id: string;
  readonly status: string;
}

/** A store the spec can change, counting the reads and the ids each asked for. */
function store(count: number) {
  const rows = new Map<string, Row>();
  for (let i = 0; i < count; i++) rows.set(`a${i}`, { id: `a${i}`, status: 'new' });
  const reads: string[][] = [];
  return {
    rows,
    reads,
    read: (ids: readonly string[]): Promise<(Row | undefined)[]> => {
      reads.push([...ids]);
      return Promise.resolve(ids.map((id) => rows.get(id)));
    },
  };
}

const window = (from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_unused, index) => `a${from + index}`);

describe('RecordCache', () => {
  it('should read a window in one call and nothing when it is shown again', async () => {
    const backing = store(100);
    const cache = new RecordCache(backing.read, 50);
    expect(await cache.load(window(0, 30))).toBe(true);
    expect(await cache.load(window(0, 30))).toBe(false);
    expect(backing.reads).toEqual([window(0, 30)]);
    expect(cache.get('a7')?.id).toBe('a7');
  });

  it('should read only the missing ids of an overlapping window', async () => {
    const backing = store(100);
    const cache = new RecordCache(backing.read, 50);
    await cache.load(window(0, 30));
    await cache.load(window(20, 50));
    expect(backing.reads[1]).toEqual(window(30, 50));
  });

  it('should keep at most its capacity, dropping the least recently shown', async () => {
    const backing = store(200);
    const cache = new RecordCache(backing.read, 50);
    await cache.load(window(0, 30));
    await cache.load(window(100, 130));
    // The first window was shown again, so it outlives the second.
    await cache.load(window(0, 30));
    await cache.load(window(150, 180));
    expect(cache.size).toBe(50);
    expect(cache.get('a0')).toBeDefined();
    expect(cache.get('a100')).toBeUndefined();
    expect(cache.get('a179')).toBeDefined();
  });

  it('should keep a window bigger than its capacity whole', async () => {
    const cache = new RecordCache(store(100).read, 10);
    await cache.load(window(0, 40));
    expect(cache.size).toBe(40);
  });

  it('should show a write after a refresh and forget the records out of sight', async () => {
    const backing = store(100);
    const cache = new RecordCache(backing.read, 50);
    await cache.load(window(0, 30));
    await cache.load(window(60, 70));
    backing.rows.set('a5', { id: 'a5', status: 'acknowledged' });
    expect(cache.get('a5')?.status).toBe('new');
    await cache.refresh(window(0, 30));
    expect(cache.get('a5')?.status).toBe('acknowledged');
    expect(cache.get('a60')).toBeUndefined();
    expect(backing.reads).toHaveLength(3);
  });

  it('should not ask again for an id no longer stored until the next refresh', async () => {
    const backing = store(10);
    const cache = new RecordCache(backing.read, 50);
    await cache.load(['a1', 'gone']);
    expect(await cache.load(['a1', 'gone'])).toBe(false);
    backing.rows.set('gone', { id: 'gone', status: 'new' });
    await cache.refresh(['a1', 'gone']);
    expect(cache.get('gone')?.status).toBe('new');
  });

  it('should drop what a load read before a refresh began, so no old record outlives a write', async () => {
    const backing = store(10);
    const cache = new RecordCache(backing.read, 50);
    const loading = cache.load(['a1']);
    backing.rows.set('a1', { id: 'a1', status: 'resolved' });
    await cache.refresh(['a1']);
    expect(await loading).toBe(false);
    expect(cache.get('a1')?.status).toBe('resolved');
  });
});
