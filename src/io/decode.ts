/**
 * Bytes ↔ text for record files. Records come from many systems: UTF-8 with or without a byte-order mark,
 * UTF-16 from Windows tools, exports with stray invalid bytes. Decoding never fails: invalid UTF-8 becomes
 * U+FFFD (one per bad sequence, so later columns match what an editor shows) and the caller is told how
 * many were replaced. The byte-order mark is dropped, so first-line columns are not shifted by it, and is
 * remembered so a fixed file can be written back exactly as it was encoded.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the file started with a byte-order mark (not part of `text`). */
  bom: boolean;
  /** Invalid byte sequences shown as U+FFFD. */
  replaced: number;
}

const REPLACEMENT = '\ufffd';

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const { encoding, bom } = detectEncoding(bytes);
  const body = bytes.subarray(bom ? (encoding === 'utf-8' ? 3 : 2) : 0);
  // ignoreBOM: the mark has already been taken off; a second one is content and must keep its offset.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  return { text, encoding, bom, replaced: countReplacements(text, body, encoding) };
}

/** Encodes text the way it was read (see decodeBytes), byte-order mark included. */
export function encodeText(text: string, encoding: TextEncodingName, bom = false): Uint8Array {
  if (encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    if (!bom) return body;
    const out = new Uint8Array(3 + body.length);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const start = bom ? 2 : 0;
  const out = new Uint8Array(start + text.length * 2);
  const littleEndian = encoding === 'utf-16le';
  if (bom) out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(start + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  return { encoding: utf16WithoutMark(bytes) ?? 'utf-8', bom: false };
}

/**
 * UTF-16 saved without a mark: mostly-Latin text has a zero in nearly every other byte, always on the same
 * side. Checked on the first 4 kB; anything less clear-cut is not UTF-16.
 */
export function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** U+FFFD in the output that were not U+FFFD in the input. */
function countReplacements(text: string, body: Uint8Array, label: TextEncodingName): number {
  let decoded = 0;
  for (let i = text.indexOf(REPLACEMENT); i >= 0; i = text.indexOf(REPLACEMENT, i + 1)) decoded++;
  if (decoded === 0) return 0;
  let genuine = 0;
  if (label === 'utf-8') {
    for (let i = 0; i + 2 < body.length; i++) if (body[i] === 0xef && body[i + 1] === 0xbf && body[i + 2] === 0xbd) genuine++;
  } else {
    const le = label === 'utf-16le';
    for (let i = 0; i + 1 < body.length; i += 2) if ((le ? body[i] | (body[i + 1] << 8) : (body[i] << 8) | body[i + 1]) === 0xfffd) genuine++;
  }
  return decoded - genuine;
}

/** Magic numbers of formats people save next to records by mistake. */
const SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (Word .docx, .xlsx, .odt and similar)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (.doc, .xls)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
];

/**
 * Says why bytes are not text, or undefined when they are. Text may hold a few stray NULs or control
 * characters (a damaged export is still worth linting); binary data holds many, or starts with a known
 * magic number. UTF-16 is recognised first, since half its bytes are zero.
 */
export function binaryReason(bytes: Uint8Array): string | undefined {
  for (const [magic, what] of SIGNATURES) {
    if (magic.every((b, i) => bytes[i] === b)) return what;
  }
  if (detectEncoding(bytes).encoding !== 'utf-8') return undefined;
  const length = Math.min(bytes.length, 8192);
  let control = 0;
  // An indexed loop: iterating a typed array with for…of is several times slower, and this runs on every file.
  for (let i = 0; i < length; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return length > 0 && control / length > 0.1 ? 'binary data (many control bytes)' : undefined;
}
