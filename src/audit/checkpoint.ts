import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ReportState } from './report-model.js';

/**
 * The checkpoint of a resumable audit: a small JSON file next to the outputs saying where to continue and how
 * long each output was at that point. It holds ids, offsets and counts only, never record text (the report
 * totals are counts; the review list keeps ids and positions, and those records are read again at the end).
 */
export interface Position {
  /** Index of the next source (in the sorted source list) to read. */
  source: number;
  /** Within an export: where the next record starts in its UTF-8 stream, its line and its record ordinal. */
  offset?: number;
  line?: number;
  record?: number;
}

export interface Checkpoint {
  version: 1;
  /** What the audit was asked to do; a resumed run must ask for the same. */
  fingerprint: string;
  position: Position;
  /** Byte length of each output file at the checkpoint (anything after it is rewritten). */
  outputs: { summary?: number; json?: number };
  /** Results written to the JSON output so far. */
  jsonCount: number;
  recordsRead: number;
  report: ReportState;
}

export function checkpointPath(firstOutput: string): string {
  return join(dirname(firstOutput), `${basename(firstOutput)}.checkpoint.json`);
}

export function readCheckpoint(path: string): Checkpoint | undefined {
  if (!existsSync(path)) return undefined;
  const value = JSON.parse(readFileSync(path, 'utf8')) as Checkpoint;
  if (value.version !== 1) throw new Error(`${path}: not a checkpoint of this version`);
  return value;
}

/** Written to a temporary file and renamed, so an interrupted write never leaves half a checkpoint. */
export function writeCheckpoint(path: string, checkpoint: Checkpoint): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, JSON.stringify(checkpoint));
  renameSync(temporary, path);
}

export function removeCheckpoint(path: string): void {
  rmSync(path, { force: true });
}
