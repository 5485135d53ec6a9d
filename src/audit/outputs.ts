import { closeSync, ftruncateSync, fstatSync, openSync, writeFileSync } from 'node:fs';
import { writeAllSync } from '../io/write-all.js';
import type { Rule } from '../engine/rule.js';
import type { AuditResult } from './result.js';
import { summaryHeader, summaryRow } from './summary.js';

/**
 * The streamed outputs of an audit: the summary CSV and the JSON results, written record by record in input
 * order with synchronous writes, so their exact lengths are known for the checkpoint. A resumed run cuts each
 * file back to its length at the checkpoint and appends.
 */
export class StreamedOutputs {
  private summary?: { fd: number; bytes: number };
  private json?: { fd: number | 'stdout'; bytes: number };
  private jsonCount = 0;

  constructor(
    private readonly rules: readonly Rule[],
    options: { summary?: string; json?: string | 'stdout' },
    resume: { summary?: number; json?: number; jsonCount: number } | undefined,
    private readonly stdout: (s: string) => void,
  ) {
    if (options.summary) this.summary = openOutput(options.summary, resume?.summary, summaryHeader(rules));
    if (options.json === 'stdout') {
      this.json = { fd: 'stdout', bytes: 0 };
      this.write(this.json, '[');
    } else if (options.json) this.json = openOutput(options.json, resume?.json, '[');
    this.jsonCount = resume?.jsonCount ?? 0;
  }

  /** Writes results (one write per file, not one per record). */
  add(results: AuditResult[]): void {
    this.addText(results.map((r) => summaryRow(r, this.rules)).join(''), results.map((r) => JSON.stringify(r)).join(',\n'), results.length);
  }

  /** Writes the text of `count` results already serialised by a worker: summary rows, and JSON joined by ",\n". */
  addText(summary: string, json: string, count: number): void {
    if (count === 0) return;
    if (this.summary) this.write(this.summary, summary);
    if (this.json) {
      // One result per line, so merge-reports can read shard files line by line.
      this.write(this.json, `${this.jsonCount ? ',' : ''}\n${json}`);
      this.jsonCount += count;
    }
  }

  /** Lengths for the checkpoint. */
  lengths(): { summary?: number; json?: number; jsonCount: number } {
    return { summary: this.summary?.bytes, json: this.json?.fd === 'stdout' ? undefined : this.json?.bytes, jsonCount: this.jsonCount };
  }

  finish(): void {
    if (this.json) this.write(this.json, '\n]\n');
    this.close();
  }

  close(): void {
    for (const out of [this.summary, this.json]) if (out && out.fd !== 'stdout') closeSync(out.fd);
    this.summary = undefined;
    this.json = undefined;
  }

  private write(out: { fd: number | 'stdout'; bytes: number }, text: string): void {
    if (out.fd === 'stdout') this.stdout(text);
    else writeAllSync(out.fd, text); // every byte, or an error on a full disk (never a silently short file)
    out.bytes += Buffer.byteLength(text);
  }
}

/** Opens an output: fresh (with its header), or cut back to `length` to continue after a checkpoint. */
function openOutput(path: string, length: number | undefined, header: string): { fd: number; bytes: number } {
  if (length === undefined) {
    writeFileSync(path, header);
    return { fd: openSync(path, 'a'), bytes: Buffer.byteLength(header) };
  }
  const fd = openSync(path, 'r+');
  if (fstatSync(fd).size < length) {
    closeSync(fd);
    throw new Error(`${path} is shorter than at the checkpoint: it was changed since; run without --resume`);
  }
  ftruncateSync(fd, length);
  closeSync(fd);
  return { fd: openSync(path, 'a'), bytes: length };
}
