/** The per-run secret that admits a browser to the host's WebSocket. */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe, new for every run of the host. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares in constant time so the token cannot be guessed byte by byte from response timing. */
export function tokenMatches(candidate: string | null, token: string): boolean {
  if (candidate === null) return false;
  const given = Buffer.from(candidate);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
