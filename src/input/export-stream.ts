import { constants, createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createDecoder, detectEncoding, isUtf8, type DetectedEncoding } from './encoding.js';
import { newlineOf } from './record-splitter.js';

/**
 * An export file read as a stream of UTF-8 bytes, whatever its encoding: UTF-8 files are passed through (after
 * the byte-order mark), other encodings are decoded with iconv-lite and re-encoded. Offsets count bytes of this
 * UTF-8 stream, so a resumed run can continue at an offset (UTF-8 files seek there directly; others are
 * decoded from the start and the bytes before the offset dropped).
 */
export interface ExportStream {
  path: string;
  encoding: DetectedEncoding;
  /** The line-ending byte (LF, or CR for old Macintosh exports). */
  newline: number;

  /** UTF-8 bytes from `start` (an offset of this stream) to the end. */
  read(start?: number): AsyncGenerator<Uint8Array>;
}

/** Bytes per read: as small as the audit's units (src/audit/sources.ts), since each read is copied into one. */
const READ_BYTES = 1 << 18;
const HEAD_BYTES = 64 << 10;

export async function openExport(path: string, givenEncoding?: string): Promise<ExportStream> {
  const head = await readHead(path, HEAD_BYTES);
  const encoding = detectEncoding(head, givenEncoding);
  const sample = isUtf8(encoding.encoding) ? head : Buffer.from(createDecoder(encoding.encoding).write(head.subarray(encoding.bomLength)), 'utf8');
  return { path, encoding, newline: newlineOf(sample), read: (start = 0) => readUtf8(path, encoding, start) };
}

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  // Opened without blocking and checked on the handle: a named pipe called notes.csv must not hang the audit.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new Error(stats.isDirectory() ? 'is a folder, not a file' : 'not a regular file (a named pipe, socket or device)');
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function* readUtf8(path: string, encoding: DetectedEncoding, start: number): AsyncGenerator<Uint8Array> {
  if (isUtf8(encoding.encoding)) {
    for await (const chunk of createReadStream(path, { start: encoding.bomLength + start, highWaterMark: READ_BYTES })) yield chunk as Buffer;
    return;
  }
  const decoder = createDecoder(encoding.encoding);
  let skip = start;
  let first = true;
  for await (const raw of createReadStream(path, { highWaterMark: READ_BYTES })) {
    let bytes = raw as Buffer;
    if (first) {
      bytes = bytes.subarray(encoding.bomLength);
      first = false;
    }
    const out = Buffer.from(decoder.write(bytes), 'utf8');
    if (skip >= out.length) {
      skip -= out.length;
      continue;
    }
    yield out.subarray(skip);
    skip = 0;
  }
  const rest = Buffer.from(decoder.end(), 'utf8');
  if (rest.length > skip) yield rest.subarray(skip);
}

/** Bytes [start, end) of the UTF-8 stream: one record, re-read to report on it after a resumed run. */
export async function readRange(stream: ExportStream, start: number, end: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream.read(start)) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= end - start) break;
  }
  return Buffer.concat(parts).subarray(0, end - start);
}
