import { rules as builtInRules } from '../../rules/index.js';
import { configForFile, type UserConfig } from '../config/config.js';
import type { RuleSetting } from '../engine/lint.js';
import type { Rule } from '../engine/rule.js';
import { readDocument } from '../input/document.js';
import type { RecordChunk } from '../input/record-splitter.js';
import { parseRecords, type RecordLayout } from '../input/records.js';
import { PrescanLinter } from './lint-record.js';
import { emptyResult, lintRecord, yearOf, type RecordIdentity } from './record-result.js';
import type { DocumentFormat } from '../document/types.js';
import { faultResult, type AuditResult, type RecordLocator } from './result.js';
import { inShard, type Shard } from './shard.js';
import { emptyTally, tallyClean, type CleanTally } from './report-model.js';
import { summaryRow } from './summary.js';

/**
 * For `npm run bench` only: records and documents are read and pre-scanned as usual, but none is linted, so the
 * benchmark can show what reading, pre-scanning and writing cost on their own (the ceiling of the pipeline).
 */
const BENCH_PRESCAN_ONLY = process.env.ANTI_RACIST_LINT_BENCH_PRESCAN_ONLY === '1';

/** What every worker is started with. Plain data (it crosses to worker threads). */
export interface AuditSettings {
  config: UserConfig;
  ruleSettings: Record<string, RuleSetting>;
  redact: boolean;
  shard?: Shard;
  /** Which streamed outputs the workers write the text of. */
  write: { summary: boolean; json: boolean };
}

export interface SourceRef {
  /** Absolute path. */
  filePath: string;
  /** As shown in outputs (relative to the working directory). */
  source: string;
}

/** A unit of work: a chunk of an export's records, or a batch of documents (one record each). */
export type AuditUnit = { type: 'records'; ref: SourceRef; layout: RecordLayout; chunk: RecordChunk } | { type: 'documents'; refs: SourceRef[] };

export interface UnitOutput {
  results: AuditResult[];
  /** Parallel to `results`: where each export record is, for re-reading it after a resumed run. */
  locators: (RecordLocator | undefined)[];
  /** Records read, including those left to other shards. */
  recordsRead: number;
  /** Bytes of documents read (for the progress bar; exports are counted as they are cut). */
  bytesRead?: number;
}

/**
 * A unit's output as a worker sends it back: the outputs' text already written (so the main thread only
 * appends it in order), the results with findings or faults for the report, and the rest only counted.
 */
export interface PackedUnit {
  /** Summary CSV rows of the unit's records, in order. */
  summary: string;
  /** The unit's results as JSON, one per line, joined by ",\n". */
  json: string;
  /** Results in the unit. */
  count: number;
  flagged: AuditResult[];
  locators: (RecordLocator | undefined)[];
  clean: CleanTally;
  recordsRead: number;
  bytesRead: number;
}

export function packUnit(output: UnitOutput, write: { summary: boolean; json: boolean }, rules: readonly Rule[] = builtInRules): PackedUnit {
  const packed: PackedUnit = { summary: '', json: '', count: output.results.length, flagged: [], locators: [], clean: emptyTally(), recordsRead: output.recordsRead, bytesRead: output.bytesRead ?? 0 };
  if (write.summary) packed.summary = output.results.map((r) => summaryRow(r, rules)).join('');
  if (write.json) packed.json = output.results.map((r) => JSON.stringify(r)).join(',\n');
  output.results.forEach((result, i) => {
    if (result.messages.length === 0) tallyClean(packed.clean, result);
    else {
      packed.flagged.push(result);
      packed.locators.push(output.locators[i]);
    }
  });
  return packed;
}

/** Lints units of work. Runs in each worker thread, and in-process in tests. */
export class UnitProcessor {
  private readonly linters = new Map<string, PrescanLinter>();
  private everywhere: PrescanLinter | undefined;

  constructor(
    private readonly settings: AuditSettings,
    private readonly rules: readonly Rule[] = builtInRules,
  ) {}

  async run(unit: AuditUnit): Promise<UnitOutput> {
    return unit.type === 'records' ? this.records(unit.ref, unit.layout, unit.chunk) : this.documents(unit.refs);
  }

  /** One linter per distinct configuration (only overrides make it differ from one source to another). */
  private linterFor(source: string): PrescanLinter {
    if (!this.settings.config.overrides?.length) {
      this.everywhere ??= new PrescanLinter(this.rules, configForFile(this.settings.config, this.rules, undefined, this.settings.ruleSettings));
      return this.everywhere;
    }
    const config = configForFile(this.settings.config, this.rules, source, this.settings.ruleSettings);
    const key = JSON.stringify(config);
    let linter = this.linters.get(key);
    if (!linter) this.linters.set(key, (linter = new PrescanLinter(this.rules, config)));
    return linter;
  }

  private records(ref: SourceRef, layout: RecordLayout, chunk: RecordChunk): UnitOutput {
    const linter = this.linterFor(ref.source);
    const out: UnitOutput = { results: [], locators: [], recordsRead: 0 };
    const options = { redact: this.settings.redact };
    const records = parseRecords(chunk, layout);
    out.recordsRead = records.length;
    const mine = this.settings.shard ? records.filter((r) => inShard(r.id, this.settings.shard!)) : records;
    // Most records hold no trigger: one pass over the whole chunk finds those that might.
    const flags = linter.mayTrigger(mine.flatMap((r) => r.fields.map((f) => f.text)));
    let field = 0;
    for (const record of mine) {
      const identity = { filePath: ref.filePath, source: ref.source, recordId: record.id, recordIndex: record.index, line: record.line, year: yearOf(record.date) };
      const possible = !BENCH_PRESCAN_ONLY && record.fields.some((_, k) => flags[field + k]);
      field += record.fields.length;
      if (record.fault) out.results.push(faultResult(identity, record.fault));
      else out.results.push(possible ? lintRecord(linter, identity, record.fields, options) : emptyResult(identity));
      out.locators.push({ offset: record.offset, length: record.length });
    }
    return out;
  }

  private async documents(refs: SourceRef[]): Promise<UnitOutput> {
    const out: UnitOutput = { results: [], locators: [], recordsRead: 0, bytesRead: 0 };
    const batch: { identity: RecordIdentity; linter: PrescanLinter; document?: { text: string; format: DocumentFormat }; fault?: string }[] = [];
    for (const ref of refs) {
      out.recordsRead++;
      if (!inShard(ref.source, this.settings.shard)) continue;
      const identity = { ...ref, recordId: ref.source, recordIndex: 0 };
      try {
        const { text, format, bytes } = await readDocument(ref.filePath);
        out.bytesRead! += bytes;
        batch.push({ identity, linter: this.linterFor(ref.source), document: { text, format } });
      } catch (error) {
        batch.push({ identity, linter: this.linterFor(ref.source), fault: `cannot read: ${describeError(error)}` });
      }
    }
    // Most documents hold no trigger: one pass per configuration over the batch finds those that might.
    const possible = new Set<number>();
    for (const linter of new Set(batch.map((b) => b.linter))) {
      const members = batch.flatMap((b, i) => (b.linter === linter && b.document ? [i] : []));
      linter.mayTrigger(members.map((i) => batch[i].document!.text)).forEach((flag, k) => flag && possible.add(members[k]));
    }
    batch.forEach(({ identity, linter, document, fault }, i) => {
      let result: AuditResult;
      if (!document) result = faultResult(identity, fault!);
      else if (BENCH_PRESCAN_ONLY || !possible.has(i)) result = emptyResult(identity);
      else {
        try {
          result = lintRecord(linter, identity, [{ text: document.text }], { format: document.format, redact: this.settings.redact });
        } catch (error) {
          result = faultResult(identity, `cannot lint: ${describeError(error)}`);
        }
      }
      out.results.push(result);
      out.locators.push(undefined);
    });
    return out;
  }
}

/** An error's code or first line, never a stack. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ?? String(e?.message ?? error).split('\n')[0];
}
