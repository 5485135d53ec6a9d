import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
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

/**
 * Reads one record file for linting. Never throws: every failure comes back as a reason. Only regular
 * files are read: the file is opened without blocking and checked on the open handle, so a FIFO or device
 * that happens to be called `notes.txt` cannot hang the run, and nothing can be swapped in between a check
 * and the read.
 */
export async function readTextFile(path: string, options: { maxBytes?: number } = {}): Promise<ReadTextResult> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: `cannot open: ${describeIoError(error)}` };
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return { ok: false, reason: 'is a folder, not a file' };
    if (!stats.isFile()) return { ok: false, reason: `not a regular file (${specialKind(stats)})` };
    if (stats.size > maxBytes) return { ok: false, reason: `too large to lint (${megabytes(stats.size)}; the limit is ${megabytes(maxBytes)})` };
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) return { ok: false, reason: `too large to lint (the limit is ${megabytes(maxBytes)})` };
    const binary = binaryReason(bytes);
    if (binary) return { ok: false, reason: `skipped: ${binary}, not text` };
    const decoded = decodeBytes(bytes);
    const warnings: string[] = [];
    if (decoded.replaced > 0) {
      const label = decoded.encoding === 'utf-8' ? 'UTF-8' : decoded.encoding.toUpperCase();
      warnings.push(`not valid ${label}: ${decoded.replaced} invalid byte sequence${decoded.replaced === 1 ? '' : 's'} read as U+FFFD (positions count each as one character)`);
    }
    return { ok: true, text: decoded.text, bytes, mtimeMs: stats.mtimeMs, size: bytes.length, encoding: decoded.encoding, bom: decoded.bom, warnings };
  } catch (error) {
    return { ok: false, reason: `cannot read: ${describeIoError(error)}` };
  } finally {
    await handle.close().catch(() => undefined);
  }
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
