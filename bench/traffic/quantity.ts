/** Command-line sizes: "2M" packets (powers of 1000), "4G" bytes (powers of 1024). */

const SUFFIXES = ['', 'K', 'M', 'G', 'T'];

export function parseQuantity(text: string, base: 1000 | 1024): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)[bB]?$/.exec(text.trim());
  if (match === null) throw new RangeError(`not a size: "${text}" (try 2M or 4G)`);
  const [, number = '', suffix = ''] = match;
  return Math.round(Number(number) * base ** SUFFIXES.indexOf(suffix.toUpperCase()));
}
