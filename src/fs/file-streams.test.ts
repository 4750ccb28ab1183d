import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eachChunk, sameBytes, sha256File } from './file-streams';

// Bigger than two of sameBytes' 16 MiB chunks, so the read-ahead turns over more than once.
const SIZE = 40 * 2 ** 20 + 123;

describe('file streams', () => {
  let dir: string;
  let data: Buffer;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baomi-streams-'));
    data = randomBytes(SIZE);
    writeFileSync(join(dir, 'a'), data);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sameBytes holds for identical files and reports progress up to the size', async () => {
    writeFileSync(join(dir, 'b'), data);
    const seen: number[] = [];
    expect(await sameBytes(join(dir, 'a'), join(dir, 'b'), (n) => seen.push(n))).toBe(true);
    expect(seen.at(-1)).toBe(SIZE);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
  });

  it.each([
    ['the first byte', 0],
    ['a byte in the second chunk', 16 * 2 ** 20 + 5],
    ['the last byte', SIZE - 1],
  ])('sameBytes finds a change in %s', async (_, at) => {
    const other = Buffer.from(data);
    other[at] = other[at]! ^ 0x01;
    writeFileSync(join(dir, 'b'), other);
    expect(await sameBytes(join(dir, 'a'), join(dir, 'b'))).toBe(false);
  });

  it('sameBytes refuses files of different sizes, and an empty file equals an empty file', async () => {
    writeFileSync(join(dir, 'b'), data.subarray(0, SIZE - 1));
    expect(await sameBytes(join(dir, 'a'), join(dir, 'b'))).toBe(false);
    writeFileSync(join(dir, 'e1'), '');
    writeFileSync(join(dir, 'e2'), '');
    expect(await sameBytes(join(dir, 'e1'), join(dir, 'e2'))).toBe(true);
  });

  it('eachChunk and sha256File see every byte once, in order', async () => {
    const parts: Buffer[] = [];
    const offsets: number[] = [];
    const bytes = await eachChunk(join(dir, 'a'), (chunk, offset) => {
      parts.push(Buffer.from(chunk));
      offsets.push(offset);
    });
    expect(bytes).toBe(SIZE);
    expect(Buffer.concat(parts).equals(data)).toBe(true);
    expect(offsets[0]).toBe(0);
    expect(await sha256File(join(dir, 'a'))).toEqual({ sha256: createHash('sha256').update(data).digest('hex'), bytes: SIZE });
  });
});
