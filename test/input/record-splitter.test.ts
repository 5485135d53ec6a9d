import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CR, RecordSplitter, newlineOf, type RecordChunk } from '../../src/input/record-splitter.js';
import { parseRecords } from '../../src/input/records.js';

/** Splits `text` fed in pieces of `piece` bytes into chunks of about `chunkBytes`. */
function split(text: string, options: { mode: 'csv' | 'lines'; chunkBytes: number; piece: number; newline?: number; delimiter?: number }): RecordChunk[] {
  const bytes = Buffer.from(text, 'utf8');
  const splitter = new RecordSplitter({ mode: options.mode, chunkBytes: options.chunkBytes, newline: options.newline, delimiter: options.delimiter });
  const chunks: RecordChunk[] = [];
  for (let i = 0; i < bytes.length; i += options.piece) chunks.push(...splitter.push(bytes.subarray(i, i + options.piece)));
  chunks.push(...splitter.end());
  return chunks;
}

function records(chunks: RecordChunk[]): { text: string; line: number; offset: number }[] {
  return chunks.flatMap((c) =>
    Array.from({ length: c.starts.length - 1 }, (_, k) => ({
      text: Buffer.from(c.bytes.subarray(c.starts[k], c.starts[k + 1])).toString('utf8'),
      line: c.lines[k],
      offset: c.offset + c.starts[k],
    })),
  );
}

const field = fc.oneof(
  fc.constantFrom('', 'plain', 'two words', 'Mother is mixed race', 'café £5', '😀 emoji', 'a "quote" inside'),
  fc.constantFrom('"quoted, comma"', '"multi\nline"', '"escaped ""quote"""', '"crlf\r\ninside"', '"ends with quote"""', '""'),
);
const csvText = fc
  .tuple(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([rows, eol, finalEol]) => rows.map((r) => r.join(',')).join(eol) + (finalEol ? eol : ''));

describe('RecordSplitter', () => {
  it('cuts CSV only between records, whatever the read and chunk sizes, agreeing with csv-parse', () => {
    fc.assert(
      fc.property(csvText, fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 200 }), (text, piece, chunkBytes) => {
        const chunks = split(text, { mode: 'csv', chunkBytes, piece });
        const pieces = records(chunks);
        // Every record, in order: each parses to exactly one row, the rows of the whole text.
        const rows = parse(text, { relax_quotes: true, relax_column_count: true }) as string[][];
        const each = pieces.map((p) => parse(p.text, { relax_quotes: true, relax_column_count: true }) as string[][]);
        expect(each.every((r) => r.length === 1)).toBe(true);
        expect(each.map((r) => r[0])).toEqual(rows);
        // Offsets and lines point at the record in the original text.
        const bytes = Buffer.from(text, 'utf8');
        for (const p of pieces) {
          expect(bytes.subarray(p.offset, p.offset + Buffer.byteLength(p.text)).toString('utf8')).toBe(p.text);
          expect(p.line).toBe(bytes.subarray(0, p.offset).toString('utf8').split('\n').length);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('parses chunks (Papa Parse) into the rows csv-parse finds in the whole text', () => {
    fc.assert(
      fc.property(csvText, fc.integer({ min: 1, max: 300 }), (text, chunkBytes) => {
        const rows = (parse(text, { relax_quotes: true, relax_column_count: true }) as string[][]).filter((r) => !(r.length === 1 && r[0].trim() === ''));
        const width = Math.max(1, ...rows.map((r) => r.length));
        const chunks = split(text, { mode: 'csv', chunkBytes, piece: 97 });
        const layout = { kind: 'csv' as const, delimiter: ',', columns: Array.from({ length: width }, (_, i) => `c${i}`), text: [0] };
        const records = chunks.flatMap((c) => parseRecords(c, layout));
        // Rows of another width are reported as malformed; the others carry their first field as text.
        expect(records.map((r) => (r.fault ? 'fault' : r.fields[0].text))).toEqual(rows.map((r) => (r.length === width ? r[0] : 'fault')));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('numbers records across chunks and says where the next one starts', () => {
    const text = 'a,1\nb,"2\n2"\n\nc,3\nd,4\n';
    const chunks = split(text, { mode: 'csv', chunkBytes: 4, piece: 3 });
    expect(chunks.map((c) => c.firstRecord)).toEqual(chunks.map((_, i) => chunks.slice(0, i).reduce((n, c) => n + c.starts.length - 1, 0)));
    expect(records(chunks).map((r) => [r.text, r.line])).toEqual([
      ['a,1\n', 1],
      ['b,"2\n2"\n', 2],
      ['\n', 4],
      ['c,3\n', 5],
      ['d,4\n', 6],
    ]);
    expect(chunks[chunks.length - 1].nextLine).toBe(7);
  });

  it('cuts JSON Lines at every line break and keeps a last line without one', () => {
    const chunks = split('{"a":1}\n\n{"a":"x\\ny"}\n{"a":3}', { mode: 'lines', chunkBytes: 8, piece: 5 });
    expect(records(chunks).map((r) => r.text)).toEqual(['{"a":1}\n', '\n', '{"a":"x\\ny"}\n', '{"a":3}']);
  });

  it('reads old Macintosh exports that end lines with a carriage return', () => {
    const text = 'id,note\r1,"two\rlines"\r2,x\r';
    expect(newlineOf(Buffer.from(text))).toBe(CR);
    const got = records(split(text, { mode: 'csv', chunkBytes: 1, piece: 4, newline: CR }));
    expect(got.map((r) => [r.text, r.line])).toEqual([
      ['id,note\r', 1],
      ['1,"two\rlines"\r', 2],
      ['2,x\r', 4],
    ]);
  });

  it('treats a quotation mark inside an unquoted field as a character, and splits tab-separated files', () => {
    const got = records(split('id\tnote\n1\tshe said "hi\n2\tok\n', { mode: 'csv', chunkBytes: 1, piece: 100, delimiter: 9 }));
    expect(got.map((r) => r.text)).toEqual(['id\tnote\n', '1\tshe said "hi\n', '2\tok\n']);
  });

  it('gives up on a record that never ends instead of buffering the whole file', () => {
    const splitter = new RecordSplitter({ mode: 'csv', maxRecordBytes: 1000 });
    expect(() => splitter.push(Buffer.from('a,"' + 'x'.repeat(2000)))).toThrow(/no record ends/);
  });
});
