#!/usr/bin/env node
// Draws build/icon.png (512×512) with Node alone: a member card with a barcode on a teal
// rounded square. electron-builder derives the Windows .ico and macOS .icns from it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { repoRoot } from './paths.mjs';

const SIZE = 512;
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function set(x, y, [r, g, b, a]) {
  const i = (y * SIZE + x) * 4;
  pixels[i] = r;
  pixels[i + 1] = g;
  pixels[i + 2] = b;
  pixels[i + 3] = a;
}

/** Inside a rectangle with rounded corners (radius rad). */
function inRoundRect(x, y, left, top, width, height, rad) {
  if (x < left || y < top || x >= left + width || y >= top + height) return false;
  const cx = Math.min(Math.max(x, left + rad), left + width - rad - 1);
  const cy = Math.min(Math.max(y, top + rad), top + height - rad - 1);
  return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
}

const teal = [13, 124, 122, 255];
const white = [255, 255, 255, 255];
const ink = [22, 40, 52, 255];
const gold = [242, 178, 51, 255];
// Bar widths of a made-up barcode, in units of 4 px.
const bars = [2, 1, 1, 3, 1, 2, 2, 1, 1, 1, 3, 2, 1, 2, 1, 1, 2, 3, 1, 1, 2, 1];

for (let y = 0; y < SIZE; y += 1) {
  for (let x = 0; x < SIZE; x += 1) {
    let color = [0, 0, 0, 0];
    if (inRoundRect(x, y, 16, 16, 480, 480, 96)) color = teal;
    if (inRoundRect(x, y, 76, 136, 360, 240, 28)) color = white;
    if (x >= 76 && x < 436 && y >= 176 && y < 212) color = gold; // the card's stripe
    if (y >= 250 && y < 340) {
      let pos = 116;
      bars.forEach((w, i) => {
        if (i % 2 === 0 && x >= pos && x < pos + w * 6) color = ink;
        pos += w * 6;
      });
    }
    set(x, y, color);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y += 1) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(repoRoot, 'build', 'icon.png');
writeFileSync(out, png);
console.log(`make-icon: ${out} (${png.length} bytes)`);
