import { decodeBytes, detectEncoding as detectIoEncoding, encodeText as encodeIoText, type TextEncodingName } from '../io/decode.js';

export type { TextEncodingName };

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

/** The encoding `decodeText` uses for these bytes (src/io/decode.ts: byte-order mark, or UTF-16 without one). */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  const { encoding, bom } = detectIoEncoding(bytes);
  return { name: encoding, bom };
}

export function decodeFile(bytes: Uint8Array): DecodedFile {
  const decoded = decodeBytes(bytes);
  const encoding = { name: decoded.encoding, bom: decoded.bom };
  return { text: decoded.text, encoding, roundTrips: decoded.replaced === 0 && encodeText(decoded.text, encoding).equals(Buffer.from(bytes)) };
}

/** Encodes text as it was read: same encoding, and the byte-order mark again when there was one. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  const bytes = encodeIoText(text, encoding.name, encoding.bom);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
