import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileBytes } from '../../src/io/read.js';

const dir = mkdtempSync(join(tmpdir(), 'arl-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bytesOf(result: ReturnType<typeof readFileBytes>): Buffer {
  if (!result.ok) throw new Error(result.reason);
  return Buffer.from(result.bytes);
}

describe('readFileBytes (one fstat, then reads of the known size)', () => {
  it('reads a small file and a file of several read buffers byte for byte', () => {
    const small = Buffer.from('Mother is mixed race.\n', 'utf8');
    const large = Buffer.alloc(300_000, 0);
    for (let i = 0; i < large.length; i++) large[i] = 32 + (i % 90);
    writeFileSync(join(dir, 'small.txt'), small);
    writeFileSync(join(dir, 'large.txt'), large);
    expect(bytesOf(readFileBytes(join(dir, 'small.txt'))).equals(small)).toBe(true);
    const read = readFileBytes(join(dir, 'large.txt'));
    expect(bytesOf(read).equals(large)).toBe(true);
    expect(read.ok && read.size).toBe(300_000);
  });

  it('reads an empty file as no bytes', () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    expect(bytesOf(readFileBytes(join(dir, 'empty.txt'))).length).toBe(0);
  });

  it('reads to the end a file whose size the system reports as 0 (/proc)', () => {
    const read = readFileBytes('/proc/self/status');
    if (!read.ok && read.code === 'ENOENT') return; // not Linux
    expect(bytesOf(read).toString('utf8')).toMatch(/^Name:[\s\S]*\nPid:\s+\d+/);
  });

  it('stops reading a file of unknown size once past the limit', () => {
    const read = readFileBytes('/proc/self/maps', { maxBytes: 10 });
    if (!read.ok && read.code === 'ENOENT') return;
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(/too large to lint/);
  });
});
