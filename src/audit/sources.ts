import { statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { openExport, readRange, type ExportStream } from '../input/export-stream.js';
import { RecordSplitter, type RecordChunk } from '../input/record-splitter.js';
import { parseCsvHeader, type RecordLayout } from '../input/records.js';
import type { Position } from './checkpoint.js';
import { describeError, type AuditUnit, type SourceRef } from './process-unit.js';
import { faultResult, type AuditResult, type RecordLocator } from './result.js';

/**
 * The inputs of an audit and the units of work they are cut into: exports (CSV, TSV, JSON Lines) in chunks of
 * about 64 KiB of whole records, documents (.txt, .md, .docx, .html) in batches. Units come
 * in input order, each saying where to continue after it (for --resume).
 */

export type SourceKind = 'csv' | 'jsonl' | 'document';

export interface Source extends SourceRef {
  kind: SourceKind;
  /** Field delimiter of a CSV/TSV export. */
  delimiter?: string;
}

/**
 * Extensions an audit picks up when it walks a folder; files named explicitly are audited whatever they are.
 * Unlike the lint command it takes HTML: a folder given to an audit is a collection of records.
 */
export const AUDIT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.docx', '.html', '.htm', '.csv', '.tsv', '.tab', '.jsonl', '.ndjson']);

/** Which columns (CSV, TSV) and fields (JSON Lines) hold what; defaults are looked up by name. */
export interface InputOptions {
  textColumns: string[];
  idColumn?: string;
  dateColumn?: string;
  textFields: string[];
  idField?: string;
  dateField?: string;
  encoding?: string;
}

/** Names of the column that holds the record text when none is given. */
const TEXT_NAMES = ['text', 'note', 'notes', 'body', 'content', 'narrative', 'description', 'case_note', 'casenote', 'details'];

export function classifySources(displayPaths: string[], cwd: string, delimiter?: string): Source[] {
  return [...displayPaths]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((source) => {
      const filePath = absolutePath(cwd, source);
      const ext = extname(source).toLowerCase();
      if (ext === '.csv') return { filePath, source, kind: 'csv', delimiter: delimiter ?? ',' };
      if (ext === '.tsv' || ext === '.tab') return { filePath, source, kind: 'csv', delimiter: delimiter ?? '\t' };
      if (ext === '.jsonl' || ext === '.ndjson') return { filePath, source, kind: 'jsonl' };
      return { filePath, source, kind: 'document' };
    });
}

/**
 * resolve(cwd, source), made of the strings it joins when nothing needs normalising. A folder of 100,000 notes
 * keeps 100,000 of these for the whole audit, and path.resolve builds each from many pieces: about 230 bytes
 * a path, against 80 for the joined one.
 */
function absolutePath(cwd: string, source: string): string {
  const resolved = resolve(cwd, source);
  if (resolved === source) return source;
  const joined = cwd.endsWith(sep) ? cwd + source : cwd + sep + source;
  return resolved === joined ? joined : resolved;
}

export function totalBytes(sources: Source[]): number {
  let total = 0;
  for (const s of sources) {
    try {
      total += statSync(s.filePath).size;
    } catch {
      // Reported when the file is read.
    }
  }
  return total;
}

export interface PlannedUnit {
  /** Work for the pool; absent when the unit is a fault found while planning. */
  unit?: AuditUnit;
  fault?: AuditResult;
  transfer: ArrayBuffer[];
  /** Where to continue once this unit is done. */
  next: Position;
  /** Input bytes the unit covers (for the progress bar). */
  bytes: number;
}

const DOCUMENTS_PER_UNIT = 64;

/**
 * Bytes of records in a unit. Large enough that one pre-scan pass and one message cover a hundred records;
 * small, because every unit in flight (read ahead, queued, being linted) holds its bytes and their text, and
 * a text this short is an ordinary young object, collected at once, not a large one that waits for a full
 * collection. On the benchmark, 64 KiB units kept peak memory 15 to 40 MiB lower than 1 MiB units, at the
 * same speed.
 */
const CHUNK_BYTES = 1 << 16;

export async function* planUnits(sources: Source[], input: InputOptions, from: Position, chunkBytes = CHUNK_BYTES): AsyncGenerator<PlannedUnit> {
  let i = from.source;
  while (i < sources.length) {
    const source = sources[i];
    if (source.kind === 'document') {
      const batch: Source[] = [];
      while (i < sources.length && sources[i].kind === 'document' && batch.length < DOCUMENTS_PER_UNIT) batch.push(sources[i++]);
      // Their bytes are counted by the worker that reads them.
      yield { unit: { type: 'documents', refs: batch.map(ref) }, transfer: [], next: { source: i }, bytes: 0 };
      continue;
    }
    yield* exportUnits(source, i, input, from.source === i ? from : { source: i }, chunkBytes);
    i++;
  }
}

const ref = (s: Source): SourceRef => ({ filePath: s.filePath, source: s.source });

async function* exportUnits(source: Source, index: number, input: InputOptions, from: Position, chunkBytes: number): AsyncGenerator<PlannedUnit> {
  // A fault of the whole source sorts before its records (-1), or after those already read.
  let nextRecord = -1;
  const fault = (reason: string): PlannedUnit => ({
    fault: faultResult({ ...ref(source), recordId: source.source, recordIndex: nextRecord }, reason),
    transfer: [],
    next: { source: index + 1 },
    bytes: 0,
  });
  let stream: ExportStream;
  let layout: RecordLayout;
  let start: Required<Omit<Position, 'source'>>;
  try {
    stream = await openExport(source.filePath, input.encoding);
    const mode = source.kind === 'csv' ? 'csv' : 'lines';
    const first = await readFirstRecord(stream, mode, source.delimiter);
    if (!first) {
      if (source.kind === 'csv') yield fault('empty export: no header row');
      return;
    }
    layout = resolveLayout(source, first.bytes, input);
    start =
      from.offset !== undefined
        ? { offset: from.offset, line: from.line ?? 1, record: from.record ?? 0 }
        : source.kind === 'csv'
          ? { offset: first.end, line: first.nextLine, record: 0 }
          : { offset: 0, line: 1, record: 0 };
  } catch (error) {
    yield fault(error instanceof LayoutError ? error.message : `cannot read: ${describeError(error)}`);
    return;
  }
  const splitter = new RecordSplitter({
    mode: source.kind === 'csv' ? 'csv' : 'lines',
    delimiter: source.delimiter?.charCodeAt(0),
    newline: stream.newline,
    chunkBytes,
    ...start,
  });
  const toUnit = (chunk: RecordChunk): PlannedUnit => {
    nextRecord = chunk.firstRecord + chunk.starts.length - 1;
    return {
      unit: { type: 'records', ref: ref(source), layout, chunk },
      transfer: [chunk.bytes.buffer as ArrayBuffer, chunk.starts.buffer as ArrayBuffer, chunk.lines.buffer as ArrayBuffer],
      next: { source: index, offset: chunk.offset + chunk.bytes.length, line: chunk.nextLine, record: nextRecord },
      bytes: chunk.bytes.length,
    };
  };
  if (from.offset !== undefined) nextRecord = start.record;
  try {
    for await (const bytes of stream.read(start.offset)) for (const chunk of splitter.push(bytes)) yield toUnit(chunk);
    for (const chunk of splitter.end()) yield toUnit(chunk);
  } catch (error) {
    yield fault(`cannot read past line ${splitter.currentLine}: ${describeError(error)}`);
  }
}

/** A unit holding one export record again, read from where it was (for the report of a resumed run). */
export async function rereadRecord(source: Source, input: InputOptions, locator: RecordLocator, recordIndex: number, line: number): Promise<AuditUnit | undefined> {
  const stream = await openExport(source.filePath, input.encoding);
  const first = await readFirstRecord(stream, source.kind === 'csv' ? 'csv' : 'lines', source.delimiter);
  if (!first) return undefined;
  const bytes = await readRange(stream, locator.offset, locator.offset + locator.length);
  const chunk: RecordChunk = { bytes, offset: locator.offset, starts: Uint32Array.of(0, bytes.length), lines: Uint32Array.of(line), firstRecord: recordIndex, nextLine: line, lineEnding: 'mixed' };
  return { type: 'records', ref: ref(source), layout: resolveLayout(source, first.bytes, input), chunk };
}

/** The first record of an export (the CSV header, or the first JSON line), and where the next one starts. */
async function readFirstRecord(stream: ExportStream, mode: 'csv' | 'lines', delimiter?: string): Promise<{ bytes: Uint8Array; end: number; nextLine: number } | undefined> {
  const splitter = new RecordSplitter({ mode, delimiter: delimiter?.charCodeAt(0), newline: stream.newline, chunkBytes: 1 });
  let chunk: RecordChunk | undefined;
  // Small pieces: with one-byte chunks every record of a piece becomes its own chunk, and only the first is needed.
  read: for await (const bytes of stream.read(0)) {
    for (let at = 0; at < bytes.length; at += 4096) {
      chunk = splitter.push(bytes.subarray(at, at + 4096))[0];
      if (chunk) break read;
    }
  }
  chunk ??= splitter.end()[0];
  if (!chunk) return undefined;
  const end = chunk.starts[1];
  const bytes = chunk.bytes.subarray(chunk.starts[0], end);
  let lines = 0;
  for (const b of bytes) if (b === stream.newline) lines++;
  return { bytes, end: chunk.offset + end, nextLine: chunk.lines[0] + lines };
}

export class LayoutError extends Error {}

function resolveLayout(source: Source, first: Uint8Array, input: InputOptions): RecordLayout {
  if (source.kind === 'csv') {
    const delimiter = source.delimiter ?? ',';
    const columns = parseCsvHeader(first, delimiter);
    const find = (name: string, option: string) => {
      const exact = columns.indexOf(name);
      const index = exact >= 0 ? exact : columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
      if (index < 0) throw new LayoutError(`${option} "${name}" is not a column (columns: ${columns.join(', ')})`);
      return index;
    };
    const text = input.textColumns.length ? input.textColumns.map((t) => find(t, '--text-column')) : [defaultText(columns, '--text-column')];
    const id = input.idColumn !== undefined ? find(input.idColumn, '--id-column') : columns.findIndex((c) => c.toLowerCase() === 'id');
    const date = input.dateColumn !== undefined ? find(input.dateColumn, '--date-column') : undefined;
    return { kind: 'csv', delimiter, columns, text, ...(id >= 0 ? { id } : {}), ...(date !== undefined ? { date } : {}) };
  }
  let keys: string[] = [];
  try {
    keys = Object.keys(JSON.parse(Buffer.from(first).toString('utf8')) as object);
  } catch {
    // A broken first line is reported as a malformed record; names must then be given.
  }
  const text = input.textFields.length ? input.textFields : [keys[defaultText(keys, '--text-field')]];
  const id = input.idField ?? (keys.includes('id') ? 'id' : undefined);
  return { kind: 'jsonl', text, ...(id !== undefined ? { id } : {}), ...(input.dateField !== undefined ? { date: input.dateField } : {}) };
}

function defaultText(names: string[], option: string): number {
  const index = names.findIndex((n) => TEXT_NAMES.includes(n.toLowerCase()));
  if (index < 0) throw new LayoutError(`no ${option} given and no column named ${TEXT_NAMES.slice(0, 4).join(', ')}… (columns: ${names.join(', ')})`);
  return index;
}

