import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rules } from '../../rules/index.js';
import type { UserConfig } from '../config/config.js';
import type { RuleSetting } from '../engine/lint.js';
import { checkpointPath, readCheckpoint, removeCheckpoint, writeCheckpoint, type Checkpoint } from './checkpoint.js';
import { StreamedOutputs } from './outputs.js';
import { WorkerPool } from './pool.js';
import { UnitProcessor, describeError, packUnit, type AuditSettings, type AuditUnit, type PackedUnit, type UnitOutput } from './process-unit.js';
import { ProgressBar } from './progress.js';
import { renderReport } from './report-html.js';
import { ReportModel } from './report-model.js';
import { faultResult } from './result.js';
import type { Shard } from './shard.js';
import { planUnits, rereadRecord, totalBytes, type InputOptions, type PlannedUnit, type Source } from './sources.js';

export interface AuditOptions {
  input: InputOptions;
  /** Worker threads. */
  jobs: number;
  format: 'text' | 'json';
  /** File for the --format output (standard output otherwise). */
  output?: string;
  summary?: string;
  report?: string;
  redact: boolean;
  shard?: Shard;
  resume: boolean;
  progress: boolean;
  config: UserConfig;
  ruleSettings: Record<string, RuleSetting>;
  /** Size of the chunks exports are cut into (tests use small ones). */
  chunkBytes?: number;
}

export interface AuditIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export class AuditUsageError extends Error {}

/** Set by tests to stop the process abruptly after this many units, as a crash would. */
const CRASH_AFTER = Number(process.env.ANTI_RACIST_LINT_AUDIT_CRASH_AFTER ?? NaN);

/**
 * Audits a collection: plans units of work in input order, lints them in a pool of worker threads, writes the
 * streamed outputs in input order, checkpoints, and at the end writes the report. Returns the exit code: 2
 * when a record or file could not be read, else 1 when there are errors, else 0.
 */
export async function runAudit(sources: Source[], options: AuditOptions, io: AuditIo): Promise<number> {
  const started = performance.now();
  const write = { summary: options.summary !== undefined, json: options.format === 'json' };
  const settings: AuditSettings = { config: options.config, ruleSettings: options.ruleSettings, redact: options.redact, write, ...(options.shard ? { shard: options.shard } : {}) };
  const files = [options.summary, options.output, options.report].filter((f): f is string => f !== undefined).map((f) => resolve(f));
  const checkpointFile = files.length ? checkpointPath(files[0]) : undefined;
  if (options.resume && !checkpointFile) throw new AuditUsageError('--resume needs an output file (--summary, --report or --output) to keep its checkpoint beside');
  if (options.resume && options.format === 'json' && !options.output) throw new AuditUsageError('--resume with --format json needs --output FILE (standard output cannot be continued)');

  const fingerprint = fingerprintOf(sources, options);
  const checkpoint = options.resume && checkpointFile ? readCheckpoint(checkpointFile) : undefined;
  if (checkpoint && checkpoint.fingerprint !== fingerprint) {
    throw new AuditUsageError(`${checkpointFile} is from an audit with other inputs or options; run without --resume to start again`);
  }
  if (options.resume && !checkpoint) io.stderr('anti-racist-lint: no checkpoint to resume from; starting from the beginning\n');

  const outputs = new StreamedOutputs(
    rules,
    { summary: options.summary, json: options.format === 'json' ? (options.output ?? 'stdout') : undefined },
    checkpoint ? { ...checkpoint.outputs, jsonCount: checkpoint.jsonCount } : undefined,
    io.stdout,
  );
  const model = checkpoint ? ReportModel.fromState(checkpoint.report) : new ReportModel();
  const progress = options.progress ? new ProgressBar(io.stderr, totalBytes(sources), process.stderr.columns ?? 80) : undefined;
  const state = { position: checkpoint?.position ?? { source: 0 }, recordsRead: checkpoint?.recordsRead ?? 0, bytes: 0, units: 0, lastCheckpoint: 0 };

  const saveCheckpoint = () => {
    if (!checkpointFile) return;
    const lengths = outputs.lengths();
    const value: Checkpoint = {
      version: 1,
      fingerprint,
      position: state.position,
      outputs: { summary: lengths.summary, json: lengths.json },
      jsonCount: lengths.jsonCount,
      recordsRead: state.recordsRead,
      report: model.toCheckpoint(),
    };
    writeCheckpoint(checkpointFile, value);
    state.lastCheckpoint = Date.now();
  };

  let stopped = false;
  /** Writes a finished unit's results (called in input order). */
  const complete = (planned: PlannedUnit, output: PackedUnit) => {
    // A unit finishing after an interruption is not written: the checkpoint must match the outputs.
    if (stopped) return;
    outputs.addText(output.summary, output.json, output.count);
    model.addClean(output.clean);
    output.flagged.forEach((result, i) => model.add(result, output.locators[i]));
    state.recordsRead += output.recordsRead;
    state.bytes += planned.bytes + output.bytesRead;
    state.position = planned.next;
    state.units++;
    progress?.update(state.recordsRead, state.bytes);
    if (state.units === CRASH_AFTER + 1) process.kill(process.pid, 'SIGKILL');
    if (state.units === CRASH_AFTER || Date.now() - state.lastCheckpoint > 500) saveCheckpoint();
  };

  // --jobs N lints on N threads: N - 1 workers and this one, which otherwise mostly waits.
  const inline = new UnitProcessor(settings);
  const jobs = Math.max(1, options.jobs);
  const pool = new WorkerPool<AuditUnit, PackedUnit>(new URL('./worker.js', import.meta.url), jobs - 1, settings, async (unit) => packUnit(await inline.run(unit), write));
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await runUnits(planUnits(sources, options.input, state.position, options.chunkBytes), pool, jobs * 2 + 1, complete, () => interrupted, write);
  } catch (error) {
    stopped = true;
    saveCheckpoint();
    outputs.close();
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await pool.close();
  }
  if (interrupted) {
    stopped = true;
    saveCheckpoint();
    outputs.close();
    progress?.done();
    io.stderr(`anti-racist-lint: audit interrupted after ${state.recordsRead.toLocaleString('en-GB')} records${checkpointFile ? '; run the same command with --resume to continue' : ''}\n`);
    return 130;
  }

  await readReviewRecordsAgain(model, sources, options, settings);
  if (options.report) writeFileSync(options.report, renderReport(model.state, rules));
  outputs.finish();
  if (checkpointFile) removeCheckpoint(checkpointFile);
  progress?.done();
  const seconds = (performance.now() - started) / 1000;
  if (options.format === 'text') {
    const text = textSummary(model, state, sources, options, seconds);
    if (options.output) writeFileSync(options.output, text);
    else io.stdout(text);
  }
  if (model.state.faults > 0) return 2;
  return model.state.severities.error > 0 ? 1 : 0;
}

/**
 * Sends units to the pool (never more than `window` ahead of the oldest unfinished one, so memory stays flat)
 * and hands finished units to `complete` in input order.
 */
async function runUnits(
  units: AsyncIterable<PlannedUnit>,
  pool: WorkerPool<AuditUnit, PackedUnit>,
  window: number,
  complete: (planned: PlannedUnit, output: PackedUnit) => void,
  stopped: () => boolean,
  write: AuditSettings['write'],
): Promise<void> {
  const finished = new Map<number, { planned: PlannedUnit; output: PackedUnit }>();
  let next = 0;
  let sent = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const flush = () => {
    for (let f = finished.get(next); f; f = finished.get(next)) {
      finished.delete(next++);
      complete(f.planned, f.output);
    }
    wake?.();
  };
  const waitUntil = async (ready: () => boolean) => {
    while (!ready() && failure === undefined) await new Promise<void>((r) => (wake = r));
  };
  for await (const planned of units) {
    if (stopped() || failure !== undefined) break;
    const seq = sent++;
    if (!planned.unit) {
      finished.set(seq, { planned, output: packUnit({ results: planned.fault ? [planned.fault] : [], locators: [undefined], recordsRead: 0 }, write) });
      flush();
      continue;
    }
    await waitUntil(() => sent - next <= window);
    pool.run(planned.unit, planned.transfer).then(
      (output) => {
        finished.set(seq, { planned, output });
        flush();
      },
      (error: unknown) => {
        if (pool.failed) {
          failure = error;
          wake?.();
          return;
        }
        // A unit the worker could not process is reported as a fault of its records; the run goes on.
        finished.set(seq, { planned, output: packUnit(unitFault(planned.unit!, `internal error: ${describeError(error)}`), write) });
        flush();
      },
    );
  }
  await waitUntil(() => next === sent || stopped());
  if (failure !== undefined) throw failure;
}

function unitFault(unit: AuditUnit, reason: string): UnitOutput {
  const results =
    unit.type === 'records'
      ? [faultResult({ ...unit.ref, recordId: unit.ref.source, recordIndex: unit.chunk.firstRecord, line: unit.chunk.lines[0] }, reason)]
      : unit.refs.map((ref) => faultResult({ ...ref, recordId: ref.source, recordIndex: 0 }, reason));
  return { results, locators: results.map(() => undefined), recordsRead: 0 };
}

/** After a resumed run, the review list's records from before the interruption are read and linted again. */
async function readReviewRecordsAgain(model: ReportModel, sources: Source[], options: AuditOptions, settings: AuditSettings): Promise<void> {
  const missing = model.state.review.filter((e) => e.messages === undefined);
  if (missing.length === 0) return;
  const processor = new UnitProcessor(settings);
  const bySource = new Map(sources.map((s) => [s.source, s]));
  for (const entry of missing) {
    const source = bySource.get(entry.source);
    if (!source) continue;
    const unit: AuditUnit | undefined =
      source.kind === 'document'
        ? { type: 'documents', refs: [{ filePath: source.filePath, source: source.source }] }
        : entry.locator
          ? await rereadRecord(source, options.input, entry.locator, entry.recordIndex, entry.line ?? 1)
          : undefined;
    if (!unit) continue;
    const result = (await processor.run(unit)).results.find((r) => r.recordId === entry.recordId);
    if (result) entry.messages = result.messages;
  }
}

function fingerprintOf(sources: Source[], options: AuditOptions): string {
  const { input, format, output, summary, report, redact, shard, config, ruleSettings } = options;
  const what = { sources: sources.map((s) => s.filePath), input, format, output, summary, report, redact, shard, config, ruleSettings };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 16);
}

function textSummary(model: ReportModel, state: { recordsRead: number; bytes: number }, sources: Source[], options: AuditOptions, seconds: number): string {
  const s = model.state;
  const n = (v: number) => v.toLocaleString('en-GB');
  const findings = s.severities.error + s.severities.warning + s.severities.info;
  const rate = seconds > 0 ? ` (${(state.bytes / 1048576 / seconds).toFixed(1)} MiB/s)` : '';
  const lines = [
    `Audited ${n(s.records)} records${options.shard ? ` (shard ${options.shard.index}/${options.shard.count} of ${n(state.recordsRead)} read)` : ''} from ${n(sources.length)} ${sources.length === 1 ? 'source' : 'sources'} in ${seconds.toFixed(1)} s${rate}.`,
    `${n(s.recordsNeedingReview)} need review; ${n(findings)} findings (${n(s.severities.error)} errors, ${n(s.severities.warning)} warnings, ${n(s.severities.info)} info); ${n(s.faults)} could not be read.`,
  ];
  const width = Math.max(0, ...Object.keys(s.rules).map((r) => r.length));
  for (const [rule, tally] of Object.entries(s.rules).sort(([, a], [, b]) => b.findings - a.findings)) {
    lines.push(`  ${rule.padEnd(width)}  ${n(tally.findings)} in ${n(tally.records)} records`);
  }
  const written = [options.summary && `summary ${options.summary}`, options.report && `report ${options.report}`, options.output && `results ${options.output}`].filter(Boolean);
  if (written.length) lines.push(`Wrote ${written.join(', ')}.`);
  return lines.join('\n') + '\n';
}

