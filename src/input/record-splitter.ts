/**
 * Cuts a UTF-8 byte stream of CSV, TSV or JSON Lines into chunks of whole records, so that chunks can be
 * parsed (by Papa Parse, or JSON.parse per line) in worker threads while the file is still being read.
 *
 * It does not parse fields: it only tracks, with native `indexOf` jumps, whether a line break is inside a
 * quoted CSV field (a `"` opens a quoted field only at the start of a field, `""` inside one is an escaped
 * quote: RFC 4180, as Papa Parse and csv-parse with `relax_quotes` read it). It also records where each record
 * starts and on which physical line, for positions in outputs and for resuming.
 */

export interface RecordChunk {
  /** Whole records, UTF-8. */
  bytes: Uint8Array;
  /** Offset of `bytes[0]` in the stream (for resuming and re-reading a record). */
  offset: number;
  /** Start of each record within `bytes` (an empty line is an empty record), plus `bytes.length` at the end. */
  starts: Uint32Array;
  /** 1-based physical line on which each record starts. */
  lines: Uint32Array;
  /** Ordinal of the first record of the chunk among all records of the stream (0-based). */
  firstRecord: number;
  /** Physical line on which the record after the chunk starts. */
  nextLine: number;
  /** How the chunk's records end ('mixed' when they differ; a last line without a break is not counted). */
  lineEnding: '\n' | '\r\n' | '\r' | 'mixed';
}

export interface SplitterOptions {
  /** 'csv' tracks quoted fields; 'lines' (JSON Lines) cuts at every line break. */
  mode: 'csv' | 'lines';
  /** Field delimiter byte for CSV (`,` or tab). */
  delimiter?: number;
  /** The byte that ends a line: LF (also for CRLF files), or CR for old Macintosh exports. */
  newline?: number;
  /** Approximate chunk size in bytes. */
  chunkBytes?: number;
  /** Stream offset of the first byte pushed (when resuming). */
  offset?: number;
  /** Physical line number of the first byte pushed. */
  line?: number;
  /** Record ordinal of the first record pushed. */
  record?: number;
  /** A chunk may grow to this size when no record ends (an unclosed quote): beyond it, reading fails. */
  maxRecordBytes?: number;
}

const QUOTE = 0x22;
export const LF = 0x0a;
export const CR = 0x0d;

/** The line-ending byte of a file from its first bytes: CR only when there is a CR and no LF at all. */
export function newlineOf(head: Uint8Array): number {
  return head.includes(LF) || !head.includes(CR) ? LF : CR;
}

export class RecordTooLargeError extends Error {}

export class RecordSplitter {
  // A Buffer, not a plain Uint8Array: Buffer#indexOf is memchr, several times faster on long runs.
  private pending: Buffer = Buffer.alloc(0);
  private pendingLength = 0;
  /** Scan position within `pending`. */
  private scan = 0;
  private inQuotes = false;
  /** Record boundaries found in `pending` (offsets where a record starts) and their lines. */
  private boundaries: number[] = [0];
  private boundaryLines: number[];
  private line: number;
  private offset: number;
  private record: number;
  private readonly chunkBytes: number;
  private readonly maxRecordBytes: number;
  private readonly newline: number;

  constructor(private readonly options: SplitterOptions) {
    this.offset = options.offset ?? 0;
    this.line = options.line ?? 1;
    this.record = options.record ?? 0;
    this.boundaryLines = [this.line];
    this.chunkBytes = options.chunkBytes ?? 1 << 20;
    this.maxRecordBytes = options.maxRecordBytes ?? 256 << 20;
    this.newline = options.newline ?? LF;
  }

  /** The physical line reached so far. */
  get currentLine(): number {
    return this.line;
  }

  /** Adds bytes; returns the chunks that are now complete. */
  push(bytes: Uint8Array): RecordChunk[] {
    this.append(bytes);
    this.advance(false);
    const out: RecordChunk[] = [];
    while (this.pendingLength >= this.chunkBytes && this.boundaries.length > 1) {
      const cut = this.cutIndex();
      if (cut === 0) break;
      out.push(this.take(cut));
    }
    if (this.boundaries.length === 1 && this.pendingLength > this.maxRecordBytes) {
      throw new RecordTooLargeError(`no record ends within ${this.maxRecordBytes >> 20} MiB (an unclosed quotation mark?)`);
    }
    return out;
  }

  /** The last records, at the end of the stream (the last one need not end with a line break). */
  end(): RecordChunk[] {
    this.advance(true);
    const last = this.boundaries[this.boundaries.length - 1];
    if (last < this.pendingLength) {
      this.boundaries.push(this.pendingLength);
      this.boundaryLines.push(this.line);
    }
    return this.boundaries.length > 1 ? [this.take(this.boundaries.length - 1)] : [];
  }

  /** The largest boundary index that keeps the chunk near `chunkBytes`. */
  private cutIndex(): number {
    let i = this.boundaries.length - 1;
    while (i > 1 && this.boundaries[i - 1] >= this.chunkBytes) i--;
    return i;
  }

  private append(bytes: Uint8Array): void {
    const needed = this.pendingLength + bytes.length;
    if (needed > this.pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.pending.length * 2, 1 << 16));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(bytes, this.pendingLength);
    this.pendingLength = needed;
  }

  /** Moves `scan` forward over whole records, recording each boundary. */
  private advance(final: boolean): void {
    const buf = this.pending.subarray(0, this.pendingLength);
    const n = this.pendingLength;
    const NL = this.newline;
    let i = this.scan;
    if (this.options.mode === 'lines') {
      for (let nl = buf.indexOf(NL, i); nl >= 0; nl = buf.indexOf(NL, i)) {
        this.line++;
        i = nl + 1;
        this.boundary(i);
      }
      this.scan = n;
      return;
    }
    const delimiter = this.options.delimiter ?? 0x2c;
    let nextQuote = -2;
    let nextLf = -2;
    while (i < n) {
      if (this.inQuotes) {
        const q = buf.indexOf(QUOTE, i);
        this.countLines(buf, i, q < 0 ? n : q);
        if (q < 0) {
          i = n;
          break;
        }
        if (q + 1 >= n && !final) {
          // Is it `""` or the closing quote? The next read decides.
          this.scan = q;
          return;
        }
        if (buf[q + 1] === QUOTE) i = q + 2;
        else {
          this.inQuotes = false;
          i = q + 1;
        }
        nextQuote = nextLf = -2;
        continue;
      }
      if (nextQuote !== -1 && nextQuote < i) nextQuote = buf.indexOf(QUOTE, i);
      if (nextLf !== -1 && nextLf < i) nextLf = buf.indexOf(NL, i);
      if (nextQuote >= 0 && (nextLf < 0 || nextQuote < nextLf)) {
        // A quote opens a quoted field only at the start of a field; `pending` always starts a record.
        const before = nextQuote > 0 ? buf[nextQuote - 1] : LF;
        if (before === delimiter || before === LF || before === CR) this.inQuotes = true;
        i = nextQuote + 1;
        continue;
      }
      if (nextLf < 0) {
        i = n;
        break;
      }
      this.line++;
      i = nextLf + 1;
      this.boundary(i);
    }
    this.scan = i;
  }

  private countLines(buf: Uint8Array, from: number, to: number): void {
    for (let nl = buf.indexOf(this.newline, from); nl >= 0 && nl < to; nl = buf.indexOf(this.newline, nl + 1)) this.line++;
  }

  private boundary(at: number): void {
    this.boundaries.push(at);
    this.boundaryLines.push(this.line);
  }

  private lineEndingOf(bytes: Uint8Array, starts: Uint32Array): RecordChunk['lineEnding'] {
    if (this.newline === CR) return '\r';
    let crlf = 0;
    let lf = 0;
    for (let k = 1; k < starts.length; k++) {
      const end = starts[k];
      if (bytes[end - 1] !== LF) continue;
      if (bytes[end - 2] === CR) crlf++;
      else lf++;
    }
    return crlf && lf ? 'mixed' : crlf ? '\r\n' : '\n';
  }

  /** Removes the records before boundary `index` from `pending` as a chunk. */
  private take(index: number): RecordChunk {
    const end = this.boundaries[index];
    const first = this.boundaries[0];
    // A copy with its own ArrayBuffer, which can be transferred to a worker (Buffer#slice would be a view).
    const bytes = new Uint8Array(end - first);
    bytes.set(this.pending.subarray(first, end));
    const starts = Uint32Array.from(this.boundaries.slice(0, index + 1), (b) => b - first);
    const lines = Uint32Array.from(this.boundaryLines.slice(0, index));
    const chunk: RecordChunk = { bytes, offset: this.offset + first, starts, lines, firstRecord: this.record, nextLine: this.boundaryLines[index], lineEnding: this.lineEndingOf(bytes, starts) };
    this.record += index;
    // Keep the rest.
    this.pending.copyWithin(0, end, this.pendingLength);
    this.pendingLength -= end;
    this.scan -= end;
    this.offset += end;
    this.boundaries = this.boundaries.slice(index).map((b) => b - end);
    this.boundaryLines = this.boundaryLines.slice(index);
    return chunk;
  }
}
