import { rules as builtInRules } from '../../rules/index.js';
import { configForFile, type UserConfig } from '../config/config.js';
import type { RuleSetting } from '../engine/lint.js';
import type { Rule } from '../engine/rule.js';
import { readDocument } from '../input/document.js';
import type { RecordChunk } from '../input/record-splitter.js';
import { parseRecords, type RecordLayout } from '../input/records.js';
import { PrescanLinter } from './lint-record.js';
import { lintRecord, yearOf } from './record-result.js';
import { faultResult, type AuditResult, type RecordLocator } from './result.js';
import { inShard, type Shard } from './shard.js';

/** What every worker is started with. Plain data (it crosses to worker threads). */
export interface AuditSettings {
  config: UserConfig;
  ruleSettings: Record<string, RuleSetting>;
  redact: boolean;
  shard?: Shard;
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
}

/** Lints units of work. Runs in each worker thread, and in-process in tests. */
export class UnitProcessor {
  private readonly linters = new Map<string, PrescanLinter>();

  constructor(
    private readonly settings: AuditSettings,
    private readonly rules: readonly Rule[] = builtInRules,
  ) {}

  async run(unit: AuditUnit): Promise<UnitOutput> {
    return unit.type === 'records' ? this.records(unit.ref, unit.layout, unit.chunk) : this.documents(unit.refs);
  }

  /** One linter per distinct configuration (overrides may differ per source). */
  private linterFor(source: string): PrescanLinter {
    const config = configForFile(this.settings.config, this.rules, source, this.settings.ruleSettings);
    const key = JSON.stringify(config);
    let linter = this.linters.get(key);
    if (!linter) this.linters.set(key, (linter = new PrescanLinter(this.rules, config)));
    return linter;
  }

  private records(ref: SourceRef, layout: RecordLayout, chunk: RecordChunk): UnitOutput {
    const linter = this.linterFor(ref.source);
    const out: UnitOutput = { results: [], locators: [], recordsRead: 0 };
    for (const record of parseRecords(chunk, layout)) {
      out.recordsRead++;
      if (!inShard(record.id, this.settings.shard)) continue;
      const identity = { ...ref, recordId: record.id, recordIndex: record.index, line: record.line, year: yearOf(record.date) };
      out.results.push(record.fault ? faultResult(identity, record.fault) : lintRecord(linter, identity, record.fields.map((f) => ({ field: f.name, text: f.text })), { redact: this.settings.redact }));
      out.locators.push({ offset: record.offset, length: record.length });
    }
    return out;
  }

  private async documents(refs: SourceRef[]): Promise<UnitOutput> {
    const out: UnitOutput = { results: [], locators: [], recordsRead: 0 };
    for (const ref of refs) {
      out.recordsRead++;
      if (!inShard(ref.source, this.settings.shard)) continue;
      const identity = { ...ref, recordId: ref.source, recordIndex: 0 };
      let result: AuditResult;
      try {
        const { text, format } = await readDocument(ref.filePath);
        result = lintRecord(this.linterFor(ref.source), identity, [{ text }], { format, redact: this.settings.redact });
      } catch (error) {
        result = faultResult(identity, `cannot read: ${describeError(error)}`);
      }
      out.results.push(result);
      out.locators.push(undefined);
    }
    return out;
  }
}

/** An error's code or first line, never a stack. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ?? String(e?.message ?? error).split('\n')[0];
}
