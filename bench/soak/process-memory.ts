/** Resident memory of a process and its descendants, from /proc (Linux). */
import { readFileSync, readdirSync } from 'node:fs';

/** VmRSS in bytes, or 0 when the process is gone. */
export function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    return match === null ? 0 : Number(match[1]) * 1024;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/** The parent pid from a /proc/<pid>/stat line (the command, field 2, may hold spaces and parentheses). */
export function parentOf(stat: string): number {
  const afterCommand = stat.slice(stat.lastIndexOf(')') + 2);
  return Number(afterCommand.split(' ')[1]);
}

/** Every process below `pid`, children first. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      // The process ended between readdir and read: it is nobody's descendant any more.
      continue;
    }
    const parent = parentOf(stat);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}
