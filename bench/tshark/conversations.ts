/**
 * Reads tshark's conversation tables (`-z conv,ip`, `-z conv,ipv6`): frames per address pair,
 * either direction. Byte columns are rounded with units ("21 MB"), so only frames are kept.
 */

/** Frames per address pair, keyed by `pairKey`. */
export type ConversationFrames = ReadonlyMap<string, number>;

/** "a b" with the two addresses in sorted order, whichever direction the table lists them in. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

// A <-> B, frames and bytes (value and unit) from B to A, from A to B, then the total.
const ROW = /^(\S+)\s+<->\s+(\S+)\s+\d+\s+\d+ \S+\s+\d+\s+\d+ \S+\s+(\d+)\s+\d+ \S+\s/;

/** Every row of the tables with the given titles ("IPv4 Conversations", "IPv6 Conversations"). */
export function parseConversations(output: string, titles: readonly string[]): ConversationFrames {
  const frames = new Map<string, number>();
  for (const title of titles) {
    const start = output.indexOf(title);
    if (start < 0) throw new Error(`no "${title}" in tshark output`);
    for (const line of output.slice(start).split('\n').slice(1)) {
      if (line.startsWith('====')) break;
      const match = ROW.exec(line);
      if (match === null) continue;
      const [, a = '', b = '', total = '0'] = match;
      const key = pairKey(a, b);
      frames.set(key, (frames.get(key) ?? 0) + Number(total));
    }
  }
  return frames;
}
