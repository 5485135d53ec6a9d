import { decodeText } from '../linter.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface TextEncoding {
  name: TextEncodingName;
  /** Whether the file starts with a byte-order mark. */
  bom: boolean;
}

export interface DecodedFile {
  text: string;
  encoding: TextEncoding;
  /**
   * Whether encoding `text` again gives back exactly the bytes read. A file that is not valid UTF-8 or UTF-16
   * (say, Windows-1252) decodes with replacement characters; writing it back would destroy them, so such a file
   * is linted but never fixed.
   */
  roundTrips: boolean;
}

/** The encoding `decodeText` uses for these bytes, from the byte-order mark (UTF-8 without one). */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { name: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { name: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { name: 'utf-16be', bom: true };
  return { name: 'utf-8', bom: false };
}

export function decodeFile(bytes: Uint8Array): DecodedFile {
  const text = decodeText(bytes);
  const encoding = detectEncoding(bytes);
  return { text, encoding, roundTrips: Buffer.from(encodeText(text, encoding)).equals(Buffer.from(bytes)) };
}

/** Encodes text as it was read: same encoding, and the byte-order mark again when there was one. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding.name === 'utf-8') {
    const body = Buffer.from(text, 'utf8');
    return encoding.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  }
  const le = Buffer.from(text, 'utf16le');
  if (encoding.name === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
}
