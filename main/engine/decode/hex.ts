/**
 * Bytes from a hex string, for specs and benchmarks that build packets field by field:
 * `hex('0035' + // destination port 53 …)`. Spaces are ignored. Throws on anything that is not
 * an even number of hex digits, since a typo in a fixture must fail loudly.
 */
export function hex(text: string): Uint8Array {
  const digits = text.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(digits)) throw new Error(`not an even number of hex digits: "${text}"`);
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(digits.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
