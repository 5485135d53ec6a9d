import { compareResults, countsByRule, needsReview, type AuditMessage, type AuditResult, type RecordLocator } from './result.js';

/**
 * Totals of an audit, gathered record by record, from which the HTML report is drawn. It depends only on the
 * set of results, not on the order they arrive in, so shards merged give the same report as one run. Its
 * state (without any message text) is saved in the checkpoint of a resumable run.
 */

export const REVIEW_LIMIT = 50;
export const FAULT_LIMIT = 100;

export interface ReviewEntry {
  source: string;
  filePath: string;
  recordId: string;
  recordIndex: number;
  line?: number;
  year?: number;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  rules: Record<string, number>;
  /** The record's findings; absent after a resume until the record is read again. */
  messages?: AuditMessage[];
  /** Where an export record is, to read it again (never written to outputs). */
  locator?: RecordLocator;
}

export interface FaultEntry {
  source: string;
  recordId: string;
  recordIndex: number;
  line?: number;
  message: string;
}

/** Records without findings or faults, counted rather than listed (workers send these instead of results). */
export interface CleanTally {
  records: number;
  documents: number;
  exports: Record<string, number>;
  years: Record<string, number>;
}

export function emptyTally(): CleanTally {
  return { records: 0, documents: 0, exports: {}, years: {} };
}

/** Adds a result without messages to a tally. */
export function tallyClean(tally: CleanTally, result: AuditResult): void {
  tally.records++;
  if (isDocument(result)) tally.documents++;
  else tally.exports[result.source] = (tally.exports[result.source] ?? 0) + 1;
  if (result.year !== undefined) tally.years[result.year] = (tally.years[result.year] ?? 0) + 1;
}

const isDocument = (result: AuditResult) => result.recordId === result.source && result.recordIndex === 0;

export interface Tally {
  findings: number;
  records: number;
}

export interface YearTally extends Tally {
  needsReview: number;
}

export interface ReportState {
  records: number;
  recordsNeedingReview: number;
  documents: number;
  faults: number;
  severities: Record<'error' | 'warning' | 'info', number>;
  rules: Record<string, Tally>;
  years: Record<string, YearTally>;
  exports: Record<string, number>;
  review: ReviewEntry[];
  faultList: FaultEntry[];
}

export class ReportModel {
  state: ReportState = {
    records: 0,
    recordsNeedingReview: 0,
    documents: 0,
    faults: 0,
    severities: { error: 0, warning: 0, info: 0 },
    rules: {},
    years: {},
    exports: {},
    review: [],
    faultList: [],
  };

  static fromState(state: ReportState): ReportModel {
    const model = new ReportModel();
    model.state = state;
    return model;
  }

  /** The state without any message text, for the checkpoint. */
  toCheckpoint(): ReportState {
    return { ...this.state, review: this.state.review.map(({ messages: _messages, ...entry }) => entry) };
  }

  /** Records without findings, counted by a worker. */
  addClean(tally: CleanTally): void {
    const s = this.state;
    s.records += tally.records;
    s.documents += tally.documents;
    for (const [source, n] of Object.entries(tally.exports)) s.exports[source] = (s.exports[source] ?? 0) + n;
    for (const [year, n] of Object.entries(tally.years)) (s.years[year] ??= { findings: 0, records: 0, needsReview: 0 }).records += n;
  }

  add(result: AuditResult, locator?: RecordLocator): void {
    if (result.messages.length === 0) {
      const tally = emptyTally();
      tallyClean(tally, result);
      this.addClean(tally);
      return;
    }
    const s = this.state;
    s.records++;
    const review = needsReview(result);
    if (review) s.recordsNeedingReview++;
    if (isDocument(result)) s.documents++;
    else s.exports[result.source] = (s.exports[result.source] ?? 0) + 1;
    const counts = countsByRule(result);
    for (const m of result.messages) {
      if (m.fatal) continue;
      s.severities[m.severity === 2 ? 'error' : m.severity === 1 ? 'warning' : 'info']++;
    }
    for (const [rule, n] of counts) {
      const tally = (s.rules[rule] ??= { findings: 0, records: 0 });
      tally.findings += n;
      tally.records++;
    }
    if (result.year !== undefined) {
      const year = (s.years[result.year] ??= { findings: 0, records: 0, needsReview: 0 });
      year.records++;
      year.findings += [...counts.values()].reduce((a, b) => a + b, 0);
      if (review) year.needsReview++;
    }
    if (result.fatalErrorCount > 0) this.addFault(result);
    // Unreadable records are listed with the faults, not ranked for review.
    if (review && result.fatalErrorCount === 0) this.consider(result, counts, locator);
  }

  private addFault(result: AuditResult): void {
    const s = this.state;
    s.faults++;
    const entry: FaultEntry = {
      source: result.source,
      recordId: result.recordId,
      recordIndex: result.recordIndex,
      ...(result.line !== undefined ? { line: result.line } : {}),
      message: result.messages.find((m) => m.fatal)?.message ?? 'fault',
    };
    insertBounded(s.faultList, entry, compareResults, FAULT_LIMIT);
  }

  /** Keeps the REVIEW_LIMIT records most in need of review. */
  private consider(result: AuditResult, counts: Map<string, number>, locator: RecordLocator | undefined): void {
    const entry: ReviewEntry = {
      source: result.source,
      filePath: result.filePath,
      recordId: result.recordId,
      recordIndex: result.recordIndex,
      ...(result.line !== undefined ? { line: result.line } : {}),
      ...(result.year !== undefined ? { year: result.year } : {}),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      infoCount: result.infoCount,
      rules: Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1))),
      messages: result.messages,
      ...(locator ? { locator } : {}),
    };
    insertBounded(this.state.review, entry, compareReview, REVIEW_LIMIT);
  }
}

/** Most errors first, then warnings, then info findings; ties in input order. */
export function compareReview(a: ReviewEntry, b: ReviewEntry): number {
  return b.errorCount - a.errorCount || b.warningCount - a.warningCount || b.infoCount - a.infoCount || compareResults(a, b);
}

function insertBounded<T>(list: T[], item: T, compare: (a: T, b: T) => number, limit: number): void {
  if (list.length >= limit && compare(item, list[list.length - 1]) >= 0) return;
  let i = list.length;
  while (i > 0 && compare(item, list[i - 1]) < 0) i--;
  list.splice(i, 0, item);
  if (list.length > limit) list.pop();
}
