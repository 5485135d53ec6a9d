import Papa from 'papaparse';
import type { RecordChunk } from './record-splitter.js';

/**
 * Records of an export (CSV, TSV or JSON Lines), parsed from chunks of whole records cut by RecordSplitter.
 * CSV is parsed by Papa Parse (RFC 4180 quoting, line breaks inside quoted fields); JSON Lines by
 * JSON.parse, one line at a time.
 *
 * Papa Parse rather than csv-parse: on the 100 MiB benchmark export csv-parse needs 2.6 s of CPU, more than
 * half of what two cores have for the whole audit at 50 MiB/s; Papa Parse needs 0.4 s.
 */

/** Which fields hold what, resolved against the export's header (CSV) or given by name (JSON Lines). */
export type RecordLayout =
  | { kind: 'csv'; delimiter: string; columns: string[]; text: number[]; id?: number; date?: number }
  | { kind: 'jsonl'; text: string[]; id?: string; date?: string };

export interface RecordField {
  /** Column or field name. */
  name: string;
  text: string;
}

export interface ExportRecord {
  /** Ordinal among the data records of the file (0-based). */
  index: number;
  /** The id column's value; `#<row>` when there is no id column or it is empty. */
  id: string;
  /** Physical line of the file where the record starts. */
  line: number;
  /** Where the record's bytes are in the (UTF-8) stream, to re-read it. */
  offset: number;
  length: number;
  fields: RecordField[];
  date?: string;
  /** Why the record could not be read (a malformed row): then `fields` is empty. */
  fault?: string;
}

/** Column names from the header record. */
export function parseCsvHeader(bytes: Uint8Array, delimiter: string): string[] {
  const text = utf8(bytes, 0, bytes.length).replace(/^\ufeff/, '').replace(/\r?\n$|\r$/, '');
  const rows = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', escapeChar: '"' }).data;
  return (rows[0] ?? []).map((c) => c.trim());
}

const utf8 = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end);

/** One record as parsed: its values, why it could not be parsed, or nothing (a line of white space). */
type Parsed = { values: string[] } | { error: string } | { blank: true };

const NOT_BLANK = /\S/;
const isBlank = (values: string[]) => values.length <= 1 && !NOT_BLANK.test(values[0] ?? '');

export function parseRecords(chunk: RecordChunk, layout: RecordLayout): ExportRecord[] {
  const count = chunk.starts.length - 1;
  const parsed = layout.kind === 'csv' ? parseCsvChunk(chunk, layout.delimiter, count) : parseJsonlChunk(chunk, count);
  const records: ExportRecord[] = [];
  for (let k = 0; k < count; k++) {
    const p = parsed[k];
    if ('blank' in p) continue;
    const base: Base = { index: chunk.firstRecord + k, line: chunk.lines[k], offset: chunk.offset + chunk.starts[k], length: chunk.starts[k + 1] - chunk.starts[k] };
    if ('error' in p) records.push({ ...base, id: `#${base.index + 1}`, fields: [], fault: p.error });
    else records.push(layout.kind === 'csv' ? csvRecord(base, p.values, layout) : jsonRecord(base, p.values, layout));
  }
  return records;
}

type Base = Pick<ExportRecord, 'index' | 'line' | 'offset' | 'length'>;

function csvRecord(base: Base, values: string[], layout: Extract<RecordLayout, { kind: 'csv' }>): ExportRecord {
  const id = layout.id !== undefined ? values[layout.id]?.trim() : undefined;
  const record = base as ExportRecord;
  record.id = id || `#${base.index + 1}`;
  if (values.length !== layout.columns.length) {
    record.fields = [];
    record.fault = `malformed row: ${values.length} fields where the header has ${layout.columns.length}`;
    return record;
  }
  record.fields = layout.text.map((i) => ({ name: layout.columns[i], text: values[i] }));
  if (layout.date !== undefined && values[layout.date]) record.date = values[layout.date];
  return record;
}

/** `values` holds the one JSON line. */
function jsonRecord(base: Base, values: string[], layout: Extract<RecordLayout, { kind: 'jsonl' }>): ExportRecord {
  let object: unknown;
  try {
    object = JSON.parse(values[0]);
  } catch (error) {
    return { ...base, id: `#${base.index + 1}`, fields: [], fault: `malformed line: not JSON (${(error as Error).name})` };
  }
  if (!object || typeof object !== 'object' || Array.isArray(object)) return { ...base, id: `#${base.index + 1}`, fields: [], fault: 'malformed line: not a JSON object' };
  const get = (name: string) => fieldValue(object as Record<string, unknown>, name);
  const id = layout.id !== undefined ? get(layout.id) : undefined;
  const record: ExportRecord = { ...base, id: id !== undefined && id !== '' ? id : `#${base.index + 1}`, fields: [] };
  const date = layout.date !== undefined ? get(layout.date) : undefined;
  if (date) record.date = date;
  for (const name of layout.text) {
    const text = get(name);
    if (text === undefined) return { ...record, fields: [], fault: `malformed line: no "${name}" field` };
    record.fields.push({ name, text });
  }
  return record;
}

/** A field by name, or by a dotted path into nested objects (`note.body`); numbers and booleans as text. */
function fieldValue(object: Record<string, unknown>, name: string): string | undefined {
  let value: unknown = object[name];
  if (value === undefined && name.includes('.')) {
    value = name.split('.').reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), object);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function parseJsonlChunk(chunk: RecordChunk, count: number): Parsed[] {
  const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  const text = bytes.toString('utf8');
  // With only single-byte characters the splitter's byte offsets are character offsets too.
  const ascii = text.length === bytes.length;
  const out: Parsed[] = [];
  for (let k = 0; k < count; k++) {
    const line = ascii ? text.slice(chunk.starts[k], chunk.starts[k + 1]) : bytes.toString('utf8', chunk.starts[k], chunk.starts[k + 1]);
    // A test, not trim(): trimming would copy every line.
    out.push(NOT_BLANK.test(line) ? { values: [line] } : { blank: true });
  }
  return out;
}

/**
 * Parses a chunk in one call when its records all end alike, Papa Parse finds no error and one row per record
 * (empty lines are kept as blank rows so the two line up); otherwise each record on its own (without its line
 * break), so a malformed one is reported in place.
 */
function parseCsvChunk(chunk: RecordChunk, delimiter: string, count: number): Parsed[] {
  if (chunk.lineEnding !== 'mixed') {
    const result = Papa.parse<string[]>(utf8(chunk.bytes, 0, chunk.bytes.length), { delimiter, newline: chunk.lineEnding, quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
    const rows = result.data;
    // The line break that ends the chunk opens one more, empty row.
    if (rows.length === count + 1 && isBlank(rows[count])) rows.pop();
    if (result.errors.length === 0 && rows.length === count) return rows.map((values) => (isBlank(values) ? { blank: true } : { values }));
  }
  const out: Parsed[] = [];
  for (let k = 0; k < count; k++) {
    const record = utf8(chunk.bytes, chunk.starts[k], chunk.starts[k + 1]).replace(/\r?\n$|\r$/, '');
    const one = Papa.parse<string[]>(record, { delimiter, newline: '\n', quoteChar: '"', escapeChar: '"', skipEmptyLines: false });
    if (one.errors.length) out.push({ error: csvFault(one.errors[0].code) });
    else if (one.data.length > 1) out.push({ error: `malformed row: read as ${one.data.length} rows` });
    else out.push(one.data.length === 0 || isBlank(one.data[0]) ? { blank: true } : { values: one.data[0] });
  }
  return out;
}

/** Papa Parse's error code in words, without the record's text (it may hold personal information). */
function csvFault(code: string): string {
  const words: Record<string, string> = {
    MissingQuotes: 'a quotation mark is never closed',
    InvalidQuotes: 'characters after a closing quotation mark',
  };
  return `malformed row: ${words[code] ?? code}`;
}
