import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderIcon } from './make-icon';

describe('renderIcon', () => {
  it('produces a 512x512 RGBA PNG identical to the committed build/icon.png', () => {
    const png = renderIcon();
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[25]).toBe(6); // colour type RGBA
    expect(png.equals(readFileSync(path.join(import.meta.dirname, '..', 'icon.png')))).toBe(true);
  });
});
