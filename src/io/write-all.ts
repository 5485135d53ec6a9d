import { writeSync } from 'node:fs';

/**
 * Writes every byte through a file descriptor. One writeSync call may write only part of the data (on a
 * nearly full disk the kernel writes what fits and only the next call fails with ENOSPC); ignoring its
 * return value silently truncates the file. Loops until all is written, so a full disk is an error.
 */
export function writeAllSync(fd: number, data: Uint8Array | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let offset = 0;
  while (offset < bytes.length) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('the write made no progress'), { code: 'EIO' });
    offset += written;
  }
}
