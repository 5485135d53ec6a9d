import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { binaryReason, decodeBytes, type TextEncodingName } from './decode.js';
import { describeIoError } from './errors.js';

/**
 * Largest file read, in bytes. Linting takes about 100 bytes of memory per character; beyond this a
 * single file could exhaust the heap and take every other file's results down with it.
 */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type ReadTextResult =
  | {
      ok: true;
      text: string;
      /** The bytes as read (for writing a fix back, and checking the file did not change meanwhile). */
      bytes: Uint8Array;
      mtimeMs: number;
      size: number;
      encoding: TextEncodingName;
      bom: boolean;
      /** Things worth telling the user that did not stop the file being linted. */
      warnings: string[];
    }
  | {
      ok: false;
      /** Why the file was not linted, in plain words (no contents). */
      reason: string;
    };

export type ReadBytesResult =
  | { ok: true; bytes: Uint8Array; mtimeMs: number; size: number }
  | {
      ok: false;
      reason: string;
      /** The system error code (ENOENT, EACCES, …) when the system refused. */
      code?: string;
    };

/**
 * Reads a file's bytes (synchronously: callers read one file at a time, and the audit's worker threads can
 * wait). Never throws: every failure comes back as a reason. Only regular files are read: the file is opened
 * without blocking and checked on the open descriptor, so a FIFO or device that happens to be called
 * `notes.txt` cannot hang the run, and nothing can be swapped in between a check and the read.
 */
export function readFileBytes(path: string, options: { maxBytes?: number } = {}): ReadBytesResult {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: `cannot open: ${describeIoError(error)}`, ...errorCode(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, reason: 'is a folder, not a file' };
    if (!stats.isFile()) return { ok: false, reason: `not a regular file (${specialKind(stats)})` };
    if (stats.size > maxBytes) return { ok: false, reason: `too large to lint (${megabytes(stats.size)}; the limit is ${megabytes(maxBytes)})` };
    const bytes = readOpenFile(fd, stats.size, maxBytes);
    if (bytes.length > maxBytes) return { ok: false, reason: `too large to lint (the limit is ${megabytes(maxBytes)})` };
    return { ok: true, bytes, mtimeMs: stats.mtimeMs, size: bytes.length };
  } catch (error) {
    return { ok: false, reason: `cannot read: ${describeIoError(error)}`, ...errorCode(error) };
  } finally {
    closeSync(fd);
  }
}

/** Size of each read when the file's size is not known in advance (0 for files such as those in /proc). */
const UNKNOWN_SIZE_READ = 64 * 1024;

/**
 * The bytes of an open file whose size `fstat` already gave: what `readFileSync(fd)` does, without the second
 * `fstat` it makes for itself (one system call of five per file, where an audit reads 100,000 small files).
 * Like it, trusts a known size and stops there; reads to the end when the size is 0, stopping once past
 * `maxBytes`.
 */
function readOpenFile(fd: number, size: number, maxBytes: number): Uint8Array {
  if (size > 0) {
    const buffer = Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const n = readSync(fd, buffer, length, size - length, null);
      if (n === 0) break;
      length += n;
    }
    return length === size ? buffer : buffer.subarray(0, length);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(UNKNOWN_SIZE_READ);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads one record file as text for linting: readFileBytes, then binary files are refused and the rest
 * decoded (src/io/decode.ts), with a warning when invalid UTF-8 had to be replaced.
 */
export function readTextFile(path: string, options: { maxBytes?: number } = {}): ReadTextResult {
  const read = readFileBytes(path, options);
  if (!read.ok) return read;
  const binary = binaryReason(read.bytes);
  if (binary) return { ok: false, reason: `skipped: ${binary}, not text` };
  const decoded = decodeBytes(read.bytes);
  const warnings: string[] = [];
  if (decoded.replaced > 0) {
    const label = decoded.encoding === 'utf-8' ? 'UTF-8' : decoded.encoding.toUpperCase();
    warnings.push(`not valid ${label}: ${decoded.replaced} invalid byte sequence${decoded.replaced === 1 ? '' : 's'} read as U+FFFD (positions count each as one character)`);
  }
  return { ...read, text: decoded.text, encoding: decoded.encoding, bom: decoded.bom, warnings };
}

function errorCode(error: unknown): { code?: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? { code } : {};
}

function specialKind(stats: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
