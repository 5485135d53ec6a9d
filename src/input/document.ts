import { extname } from 'node:path';
import type { DocumentFormat } from '../document/types.js';
import { decodeText } from '../linter.js';
import { formatForPath } from '../parse/index.js';
import { readFileBytes } from '../io/read.js';
import { binaryReason } from '../io/decode.js';

/** A file's text as the linter reads it, and whether fixes may be written back to the file. */
export interface DocumentText {
  text: string;
  format: DocumentFormat;
  /** False for converted formats (.docx, .html): positions refer to the extracted text, never fixed in place. */
  fixable: boolean;
  /** Size of the file. */
  bytes: number;
}

const DOCX = new Set(['.docx']);
const HTML = new Set(['.html', '.htm', '.xhtml']);

/** Extensions this module converts to text; everything else is read as text (UTF-8, or UTF-16 with a mark). */
export const CONVERTED_EXTENSIONS = new Set([...DOCX, ...HTML]);

export async function readDocument(filePath: string): Promise<DocumentText> {
  // A synchronous read: an audit reads many small files from worker threads, where waiting is free. Through
  // src/io/read.ts: regular files only (a named pipe must not hang a worker), within the size limit.
  const read = readFileBytes(filePath);
  // With the system's code when there is one: the audit reports faults by code ("cannot read: ENOENT").
  if (!read.ok) throw Object.assign(new Error(read.reason), read.code ? { code: read.code } : {});
  return documentFromBytes(filePath, read.bytes);
}

/** The text of a file already read (the lint command reads through src/io/read.ts). */
export async function documentFromBytes(filePath: string, bytes: Uint8Array): Promise<DocumentText> {
  const extension = extname(filePath).toLowerCase();
  // The converters load their libraries on first use: most collections hold neither format.
  const size = bytes.length;
  if (DOCX.has(extension)) return { text: await (await import('./docx.js')).docxToText(bytes), format: 'text', fixable: false, bytes: size };
  if (HTML.has(extension)) return { text: (await import('./html.js')).htmlToText(decodeText(bytes)), format: 'text', fixable: false, bytes: size };
  const binary = binaryReason(bytes);
  if (binary) throw new Error(`skipped: ${binary}, not text`);
  return { text: decodeText(bytes), format: formatForPath(filePath), fixable: true, bytes: size };
}
