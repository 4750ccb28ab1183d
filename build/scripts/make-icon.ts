/**
 * Draws the app icon (build/icon.png, 512x512: a white padlock on red) from code, so
 * the repository needs no image editor and no downloaded artwork. electron-builder
 * derives the Windows .ico and the Linux icon sizes from it.
 * Usage: tsx build/scripts/make-icon.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { isEntry } from './is-entry';

const SIZE = 512;
const SAMPLES = 4; // per axis, for anti-aliased edges
const RED = [0xb7, 0x1c, 0x1c] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

const inRoundRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/** 0 = transparent, 1 = red tile, 2 = white lock. */
const shade = (x: number, y: number): 0 | 1 | 2 => {
  if (!inRoundRect(x, y, 16, 16, 496, 496, 96)) return 0;
  const d = Math.hypot(x - 256, y - 232);
  const shackle = (y <= 232 && d >= 58 && d <= 92) || (y > 232 && y < 250 && Math.abs(Math.abs(x - 256) - 75) <= 17);
  const body = inRoundRect(x, y, 144, 240, 368, 416, 28);
  const keyhole = Math.hypot(x - 256, y - 310) <= 24 || (Math.abs(x - 256) <= 10 && y >= 310 && y <= 372);
  return (shackle || body) && !keyhole ? 2 : 1;
};

export const renderIcon = (): Buffer => {
  const rows: Buffer[] = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let px = 0; px < SIZE; px++) {
      let red = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const s = shade(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (s === 1) red++;
          else if (s === 2) white++;
        }
      }
      const covered = red + white;
      const o = 1 + px * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) {
        row[o + c] = Math.round(((RED[c] as number) * red + (WHITE[c] as number) * white) / covered);
      }
      row[o + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

if (isEntry(import.meta.filename)) {
  const out = path.join(import.meta.dirname, '..', 'icon.png');
  writeFileSync(out, renderIcon());
  console.log(`make-icon: wrote ${out}`);
}
