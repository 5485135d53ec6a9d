import iconv from 'iconv-lite';
import { utf16WithoutMark } from '../io/decode.js';

/**
 * Character encodings of exported records. Case-management systems export UTF-8 (with or without a
 * byte-order mark), UTF-16 (Excel's "Unicode text") and Windows-1252 (older systems and Excel's "CSV").
 */
export interface DetectedEncoding {
  /** An iconv-lite encoding name. */
  encoding: string;
  /** Bytes of byte-order mark at the start of the file (skipped). */
  bomLength: number;
}

const UTF8 = 'utf-8';

/** Checks a name given with --encoding; returns iconv-lite's canonical spelling or throws. */
export function checkEncoding(name: string): string {
  if (!iconv.encodingExists(name)) throw new Error(`unknown encoding "${name}" (try utf-8, utf-16le, utf-16be or windows-1252)`);
  return name.toLowerCase();
}

/**
 * Detects the encoding from the first bytes of a file: a byte-order mark; else UTF-16 without a mark (every
 * other byte zero in mostly-ASCII text); else UTF-8 if the bytes are valid UTF-8; else Windows-1252.
 */
export function detectEncoding(head: Uint8Array, given?: string): DetectedEncoding {
  const bom = bomOf(head);
  if (given) {
    const encoding = checkEncoding(given);
    const sameFamily = bom && normaliseName(bom.encoding) === normaliseName(encoding);
    return { encoding, bomLength: sameFamily ? bom.bomLength : 0 };
  }
  if (bom) return bom;
  const utf16 = utf16WithoutMark(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  return { encoding: isValidUtf8(head) ? UTF8 : 'windows-1252', bomLength: 0 };
}

function bomOf(b: Uint8Array): DetectedEncoding | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: UTF8, bomLength: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return undefined;
}

const normaliseName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/^utf16$/, 'utf16le');

/** Valid UTF-8, ignoring a multi-byte sequence cut off at the end of the sample. */
function isValidUtf8(b: Uint8Array): boolean {
  let end = b.length;
  // Back up over a trailing sequence that may be incomplete (at most three bytes).
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const byte = b[end - k];
    if ((byte & 0xc0) !== 0x80) {
      if (byte >= 0xc0) end -= k;
      break;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** A streaming decoder to JavaScript strings (iconv-lite), keeping multi-byte sequences split across reads. */
export function createDecoder(encoding: string): { write(bytes: Uint8Array): string; end(): string } {
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

export function isUtf8(encoding: string): boolean {
  return normaliseName(encoding) === 'utf8';
}
