import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createDecoder, detectEncoding } from '../../src/input/encoding.js';
import { openExport } from '../../src/input/export-stream.js';
import { RecordSplitter } from '../../src/input/record-splitter.js';
import { parseCsvHeader, parseRecords, type ExportRecord, type RecordLayout } from '../../src/input/records.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'exports');

/** Every record of a fixture export, the way the audit reads it (header first, then chunks of records). */
async function readExport(name: string, layoutOf: (header: string[]) => RecordLayout, encoding?: string): Promise<ExportRecord[]> {
  const stream = await openExport(join(FIXTURES, name), encoding);
  const kind = layoutOf([]).kind;
  const splitter = new RecordSplitter({ mode: kind === 'csv' ? 'csv' : 'lines', newline: stream.newline, chunkBytes: 64 });
  const chunks = [];
  for await (const bytes of stream.read(0)) chunks.push(...splitter.push(bytes));
  chunks.push(...splitter.end());
  if (kind === 'jsonl') return chunks.flatMap((c) => parseRecords(c, layoutOf([])));
  const first = chunks[0];
  const header = parseCsvHeader(first.bytes.subarray(first.starts[0], first.starts[1]), ',');
  const layout = layoutOf(header);
  // The header is record 0 of the stream: data records are numbered from 1 here.
  return chunks.flatMap((c) => parseRecords(c, layout)).filter((r) => r.index > 0);
}

const notesLayout = (columns: string[]): RecordLayout => ({ kind: 'csv', delimiter: ',', columns, text: [4, 5], id: 0, date: 2 });

describe('encoding detection', () => {
  it('reads byte-order marks, UTF-16 without one, UTF-8, and falls back to Windows-1252', () => {
    expect(detectEncoding(Buffer.from('\ufeffid,note', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x69, 0]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x69]))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
    expect(detectEncoding(Buffer.from('id,note\r\n1,hello', 'utf16le')).encoding).toBe('utf-16le');
    expect(detectEncoding(iconv.encode('id,note\r\n1,hello', 'utf-16be')).encoding).toBe('utf-16be');
    expect(detectEncoding(Buffer.from('id,note\n1,café', 'utf8')).encoding).toBe('utf-8');
    expect(detectEncoding(iconv.encode('id,note\n1,café £5', 'windows-1252')).encoding).toBe('windows-1252');
    // A multi-byte character cut off at the end of the sample is still UTF-8.
    expect(detectEncoding(Buffer.from('caf\u00e9 \u2019', 'utf8').subarray(0, -1)).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.from('\ufeffabc', 'utf8'), 'windows-1252')).toEqual({ encoding: 'windows-1252', bomLength: 0 });
  });

  it('decodes characters split across reads', () => {
    const bytes = Buffer.from('Ms O\u2019Neill 😀', 'utf16le');
    const decoder = createDecoder('utf-16le');
    expect(decoder.write(bytes.subarray(0, 9)) + decoder.write(bytes.subarray(9)) + decoder.end()).toBe('Ms O\u2019Neill 😀');
  });
});

describe('export fixtures', () => {
  it('reads a UTF-8 CSV with a byte-order mark, CRLF, quoted multi-line fields and a malformed row', async () => {
    const records = await readExport('notes.csv', notesLayout);
    expect(records.map((r) => r.id)).toEqual(['N-1001', 'N-1002', 'N-1003', 'N-1004', 'N-1005', 'N-1006']);
    expect(records.map((r) => r.line)).toEqual([2, 4, 5, 8, 9, 10]);
    expect(records[0].fields).toEqual([
      { name: 'note', text: "Home visit to Amani (6) and her grandmother.\nAmani is mixed race and attends St Luke's nursery." },
      { name: 'action', text: 'Book interpreter (Swahili) for next visit.' },
    ]);
    expect(records[1].fields[0].text).toContain('the "housing, repairs" letter');
    expect(records[4].fault).toBe('malformed row: 5 fields where the header has 6');
    expect(records[5].date).toBe('2021-04-22');
  });

  it('reads the same export saved as UTF-16 with embedded new lines, record for record', async () => {
    const utf16 = await readExport('notes-utf16.csv', notesLayout);
    const utf8 = await readExport('notes.csv', notesLayout);
    const strip = (rs: ExportRecord[]) => rs.map(({ offset: _o, length: _l, ...r }) => r);
    expect(strip(utf16)).toEqual(strip(utf8));
    expect(utf16[2].fields[0].text).toBe('Review meeting.\n\nGrandmother describes Amani as "mixed race, like me" and asked that we use her words.');
  });

  it('detects a Windows-1252 export', async () => {
    const stream = await openExport(join(FIXTURES, 'notes-1252.csv'));
    expect(stream.encoding.encoding).toBe('windows-1252');
    const records = await readExport('notes-1252.csv', (columns) => ({ kind: 'csv', delimiter: ',', columns, text: [1], id: 0 }));
    expect(records.map((r) => r.fields[0].text)).toEqual(['Mrs O\u2019Neill said the caf\u00e9 voucher (\u00a320) had helped.', 'Her son is mixed race; she calls him \u201cmy little Irish-Jamaican\u201d.']);
  });

  it('reads JSON Lines with dotted field names, reporting lines that are not JSON or lack the field', async () => {
    const records = await readExport('notes.jsonl', () => ({ kind: 'jsonl', text: ['note.body'], id: 'id', date: 'date' }));
    expect(records.map((r) => [r.id, r.line, r.fault ?? r.fields[0].text.slice(0, 12)])).toEqual([
      ['J-1', 1, 'Jayden (9) i'],
      ['J-2', 2, 'Jayden read '],
      ['#3', 3, 'malformed line: not JSON (SyntaxError)'],
      ['J-4', 4, 'malformed line: no "note.body" field'],
      ['J-5', 5, 'Ms Diallo de'],
    ]);
  });

  it('continues a stream from an offset, as a resumed audit does', async () => {
    const stream = await openExport(join(FIXTURES, 'notes-utf16.csv'));
    const all: Buffer[] = [];
    for await (const b of stream.read(0)) all.push(Buffer.from(b));
    const whole = Buffer.concat(all);
    const from: Buffer[] = [];
    for await (const b of stream.read(100)) from.push(Buffer.from(b));
    expect(Buffer.concat(from).equals(whole.subarray(100))).toBe(true);
    expect(whole.toString('utf8')).toBe(readFileSync(join(FIXTURES, 'notes.csv'), 'utf8').replace(/^\ufeff/, ''));
  });
});
