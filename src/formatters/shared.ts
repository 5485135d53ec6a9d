import { isAbsolute, relative, sep } from 'node:path';
import type { LintMessage, LintResult } from '../linter.js';

/** A path as the user typed it: relative to `cwd` when inside it, otherwise as it is. */
export function displayPath(filePath: string, cwd: string): string {
  if (!isAbsolute(filePath)) return filePath;
  const rel = relative(cwd, filePath);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : filePath;
}

/** The same with '/' on every system (URIs, GitHub annotations, JUnit names). */
export function portablePath(filePath: string, cwd: string): string {
  return displayPath(filePath, cwd).split(sep).join('/');
}

/** The fix or suggestions, for formats that show one line per finding: ` → “dual heritage”`. */
export function proposedWording(m: LintMessage): string {
  if (m.fix) return ` → “${m.fix.text}”`;
  if (m.suggestions?.length) return ` (try: ${m.suggestions.map((s) => `“${s.fix.text}”`).join(', ')})`;
  return '';
}

export const SEVERITY_WORD: Record<number, 'error' | 'warning' | 'info'> = { 2: 'error', 1: 'warning', 0: 'info' };

export function totals(results: LintResult[]): { errors: number; warnings: number; infos: number; fixable: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
    fixable += r.fixableErrorCount + r.fixableWarningCount;
  }
  return { errors, warnings, infos, fixable };
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
