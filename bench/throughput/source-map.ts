/**
 * Maps a position in a bundle back to its source file and line with the bundle's source map
 * (Source Map v3: "mappings" as base64 VLQ), so a CPU profile of dist/main/cli.cjs can name
 * main/engine/… lines instead of bundle lines.
 */

interface RawSourceMap {
  readonly sources: readonly string[];
  readonly mappings: string;
}

export interface SourcePosition {
  readonly source: string;
  /** 1-based. */
  readonly line: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export class SourceMap {
  /** Per generated line: segments as [generated column, source index, source line], by column. */
  readonly #lines: (readonly [number, number, number])[][] = [];
  readonly #sources: readonly string[];

  constructor(json: string) {
    const raw = JSON.parse(json) as RawSourceMap;
    this.#sources = raw.sources;
    let source = 0;
    let sourceLine = 0;
    for (const line of raw.mappings.split(';')) {
      const segments: (readonly [number, number, number])[] = [];
      let column = 0;
      for (const segment of line.split(',')) {
        if (segment === '') continue;
        const fields = decodeVlq(segment);
        column += fields[0] ?? 0;
        if (fields.length >= 4) {
          source += fields[1] ?? 0;
          sourceLine += fields[2] ?? 0;
          segments.push([column, source, sourceLine]);
        }
      }
      this.#lines.push(segments);
    }
  }

  /** The source position of a 0-based generated line and column, if the map covers it. */
  lookup(line: number, column: number): SourcePosition | undefined {
    const segments = this.#lines[line] ?? [];
    let best: readonly [number, number, number] | undefined;
    for (const segment of segments) {
      if (segment[0] > column) break;
      best = segment;
    }
    best ??= segments[0];
    if (best === undefined) return undefined;
    return { source: this.#sources[best[1]] ?? '?', line: best[2] + 1 };
  }
}

function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`bad base64 VLQ digit "${char}"`);
    value += (digit & 31) * 2 ** shift;
    if ((digit & 32) !== 0) {
      shift += 5;
      continue;
    }
    values.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
    value = 0;
    shift = 0;
  }
  return values;
}
