// Draws the Wirewatch icon (a radar ring with a sweep) as PNGs in the sizes packaging needs.
// Run once when the design changes: node scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - c;
      const dy = y + 0.5 - c;
      const r = Math.hypot(dx, dy) / c;
      const angle = Math.atan2(dy, dx);
      let rgba = [0, 0, 0, 0];
      if (r <= 1) rgba = [16, 32, 56, 255];
      if (r <= 1 && r > 0.82) rgba = [46, 204, 113, 255];
      if (r < 0.62 && r > 0.5) rgba = [46, 204, 113, 200];
      if (r < 0.82 && angle > -1.6 && angle < -0.9) rgba = [46, 204, 113, 150];
      if (r < 0.14) rgba = [231, 76, 60, 255];
      raw.set(rgba, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('build/icons', { recursive: true });
// The freedesktop hicolor sizes, plus 1024 for macOS (512 pt at 2x); build/icon.png is what the Windows
// .ico and the macOS .icns are made from, so it is the largest.
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  writeFileSync(`build/icons/${size}x${size}.png`, png(size));
}
writeFileSync('build/icon.png', png(1024));
writeFileSync('renderer/public/icon.png', png(64));
console.log('icons written to build/ and renderer/public/');
