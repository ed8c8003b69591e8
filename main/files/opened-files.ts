/**
 * Capture files handed to the app by the OS: on the command line (a double-click on Linux and
 * Windows starts `wirewatch file.pcap`), by macOS's open-file event, or by a second instance.
 */
import { extname, resolve } from 'node:path';

/** Extensions the OS associates with Wirewatch; the format itself is still sniffed from bytes. */
export const CAPTURE_EXTENSIONS: ReadonlySet<string> = new Set(['.pcap', '.pcapng', '.cap', '.gz']);

/** Picks the capture files out of a command line, resolved against the directory it ran in. */
export function captureFilesInArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((argument) => !argument.startsWith('-') && CAPTURE_EXTENSIONS.has(extname(argument).toLowerCase()))
    .map((argument) => resolve(cwd, argument));
}

/**
 * Files opened before the window could listen wait here; the renderer takes them once it has
 * loaded. Later ones are announced as events, and also queued in case the window is reloading.
 */
export class OpenedFiles {
  #waiting: string[] = [];

  add(paths: readonly string[]): void {
    for (const path of paths) if (!this.#waiting.includes(path)) this.#waiting.push(path);
  }

  take(): string[] {
    const taken = this.#waiting;
    this.#waiting = [];
    return taken;
  }
}
