import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { LintMessage } from '../linter.js';

/**
 * A baseline records the findings a collection already had, so CI fails only on new ones (for historical
 * records nobody will rewrite). Findings are counted by file, rule and fingerprint (a hash of the matched words
 * and their sentence, see fingerprint.ts), never by line, and no record text is stored.
 *
 *   { "version": 1, "files": { "notes/visit.txt": { "mixed-race": { "9c1e…": 1 } } } }
 *
 * File paths are relative to the baseline file's folder, with '/', so the file works from any working
 * directory and on any system.
 */
export const BASELINE_VERSION = 1;

type Counts = Record<string, Record<string, number>>; // ruleId → fingerprint → count

export interface BaselineJson {
  version: number;
  files: Record<string, Counts>;
}

export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

export interface BaselineSplit<M> {
  /** Not in the baseline: reported and counted. */
  fresh: M[];
  /** In the baseline: not reported. */
  known: M[];
  /** Baseline entries of this file that no longer occur. */
  absent: { ruleId: string; count: number }[];
}

export class Baseline {
  private constructor(
    readonly path: string,
    private readonly files: Record<string, Counts>,
  ) {}

  static empty(path: string): Baseline {
    return new Baseline(resolve(path), {});
  }

  /** Reads a baseline; a missing or malformed file is a BaselineError naming it (as `shown`). */
  static load(path: string, shown = path): Baseline {
    if (!existsSync(path)) throw new BaselineError(`baseline ${shown} not found (create it with --update-baseline)`);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new BaselineError(`baseline ${shown} is not valid JSON: ${(error as Error).message}`);
    }
    if (!isBaselineJson(data)) throw new BaselineError(`baseline ${shown} is not an anti-racist-lint baseline (version ${BASELINE_VERSION})`);
    return new Baseline(resolve(path), data.files);
  }

  /** The key of a file in this baseline: its path relative to the baseline's folder, with '/'. */
  keyOf(filePath: string): string {
    const rel = relative(dirname(this.path), resolve(filePath));
    return (isAbsolute(rel) ? rel : rel.split(sep).join('/')) || filePath;
  }

  /** Sorts one file's messages into new and known, and lists what the baseline expected but did not see. */
  split<M extends LintMessage>(filePath: string, messages: M[]): BaselineSplit<M> {
    const remaining = structuredClone(this.files[this.keyOf(filePath)] ?? {});
    const fresh: M[] = [];
    const known: M[] = [];
    for (const message of messages) {
      const counts = remaining[message.ruleId];
      if (message.fingerprint && counts?.[message.fingerprint]) {
        counts[message.fingerprint]--;
        known.push(message);
      } else fresh.push(message);
    }
    const absent = Object.entries(remaining)
      .map(([ruleId, counts]) => ({ ruleId, count: Object.values(counts).reduce((a, b) => a + b, 0) }))
      .filter((a) => a.count > 0);
    return { fresh, known, absent };
  }

  /**
   * The baseline after a run: the linted files' findings replace their entries; entries of files not linted
   * this time are kept while the file still exists, so linting one folder does not forget another.
   */
  updated(linted: { filePath: string; messages: LintMessage[] }[]): BaselineJson {
    const files: Record<string, Counts> = {};
    const lintedKeys = new Set(linted.map((r) => this.keyOf(r.filePath)));
    for (const [key, counts] of Object.entries(this.files)) {
      if (!lintedKeys.has(key) && existsSync(resolve(dirname(this.path), key))) files[key] = counts;
    }
    for (const result of linted) {
      const counts: Counts = {};
      for (const m of result.messages) {
        if (!m.fingerprint) continue;
        counts[m.ruleId] ??= {};
        counts[m.ruleId][m.fingerprint] = (counts[m.ruleId][m.fingerprint] ?? 0) + 1;
      }
      if (Object.keys(counts).length) files[this.keyOf(result.filePath)] = counts;
    }
    return { version: BASELINE_VERSION, files: sortKeysDeep(files) };
  }
}

export function findingCount(json: BaselineJson): number {
  let n = 0;
  for (const counts of Object.values(json.files)) for (const byPrint of Object.values(counts)) for (const c of Object.values(byPrint)) n += c;
  return n;
}

function isBaselineJson(data: unknown): data is BaselineJson {
  if (typeof data !== 'object' || data === null) return false;
  const { version, files } = data as Partial<BaselineJson>;
  if (version !== BASELINE_VERSION || typeof files !== 'object' || files === null) return false;
  return Object.values(files).every(
    (counts) =>
      typeof counts === 'object' &&
      counts !== null &&
      Object.values(counts).every((byPrint) => typeof byPrint === 'object' && byPrint !== null && Object.values(byPrint).every((c) => Number.isInteger(c) && c > 0)),
  );
}

/** Sorted keys at every level, so the committed file changes only where findings changed. */
function sortKeysDeep<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
  return out as T;
}
