import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { rules } from '../../rules/index.js';
import { StreamedOutputs } from './outputs.js';
import { renderReport } from './report-html.js';
import { ReportModel } from './report-model.js';
import { compareResults, type AuditResult } from './result.js';

export interface MergeOptions {
  summary?: string;
  report?: string;
  output?: string;
  format: 'text' | 'json';
}

export class MergeInputError extends Error {}

/**
 * `merge-reports shard-*.json`: combines the `--format json` results of shards into the summary, report and
 * results one run over all the records would have written. Each shard file is already in input order, so they
 * are merged as sorted streams (never all in memory). A fault of a whole source, reported by every shard, is
 * kept once.
 */
export async function mergeReports(files: string[], options: MergeOptions, io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const streams = files.map((file) => readResults(file)[Symbol.asyncIterator]());
  const heads = await Promise.all(streams.map((s) => s.next()));
  const outputs = new StreamedOutputs(rules, { summary: options.summary, json: options.format === 'json' ? (options.output ?? 'stdout') : undefined }, undefined, io.stdout);
  const model = new ReportModel();
  let previous: AuditResult | undefined;
  let duplicates = 0;
  let batch: AuditResult[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const head = heads[i];
      if (!head.done && (best < 0 || compareResults(head.value, heads[best].value as AuditResult) < 0)) best = i;
    }
    if (best < 0) break;
    const result = heads[best].value as AuditResult;
    heads[best] = await streams[best].next();
    if (previous && compareResults(previous, result) === 0 && previous.recordId === result.recordId) {
      // Every shard reports a fault of a whole source; anything else twice means overlapping inputs.
      if (result.fatalErrorCount === 0) duplicates++;
      continue;
    }
    previous = result;
    batch.push(result);
    model.add(result);
    if (batch.length >= 512) {
      outputs.add(batch);
      batch = [];
    }
  }
  outputs.add(batch);
  if (options.report) writeFileSync(options.report, renderReport(model.state, rules));
  outputs.finish();
  if (duplicates) io.stderr(`anti-racist-lint: ${duplicates} records appear in more than one input (kept once); were the shards run with different --shard values?\n`);
  const s = model.state;
  if (options.format === 'text') {
    io.stdout(`Merged ${files.length} ${files.length === 1 ? 'file' : 'files'}: ${s.records.toLocaleString('en-GB')} records, ${s.recordsNeedingReview.toLocaleString('en-GB')} need review, ${s.faults} could not be read.\n`);
  }
  if (s.faults > 0) return 2;
  return s.severities.error > 0 ? 1 : 0;
}

/** The results of one `--format json` file, one per line as the audit writes them. */
async function* readResults(file: string): AsyncGenerator<AuditResult> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  let previous: AuditResult | undefined;
  for await (const raw of lines) {
    number++;
    const line = raw.trim().replace(/,$/, '');
    if (line === '' || line === '[' || line === ']') continue;
    let result: AuditResult;
    try {
      result = JSON.parse(line) as AuditResult;
    } catch {
      throw new MergeInputError(`${file}:${number}: not the JSON results of an audit (run audit with --format json --output FILE)`);
    }
    if (typeof result.source !== 'string' || typeof result.recordIndex !== 'number' || !Array.isArray(result.messages)) {
      throw new MergeInputError(`${file}:${number}: not an audit result (needs source, recordIndex and messages)`);
    }
    if (previous && compareResults(previous, result) > 0) throw new MergeInputError(`${file}:${number}: results are not in input order`);
    previous = result;
    yield result;
  }
}
