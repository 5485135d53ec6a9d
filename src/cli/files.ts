import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, extname, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { describeIoError } from '../io/errors.js';

/** Extensions linted when a folder is walked. Files named explicitly are linted whatever their extension. */
export const LINTABLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const GLOB_CHARS = /[*?[\]{}!]/;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ExpandOptions {
  cwd?: string;
  extensions?: Set<string>;
  /**
   * Called for an operand that matches nothing or a folder that cannot be read; the others are still
   * expanded. Without it, an operand that matches nothing throws a UsageError.
   */
  onProblem?: (path: string, problem: string) => void;
}

/**
 * Turns command-line operands (files, folders, globs) into a sorted, de-duplicated list of files. A path
 * that matches nothing is a usage error naming it (ESLint: "No files matching … were found").
 */
export function expandPaths(operands: string[], options: ExpandOptions = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  const extensions = options.extensions ?? LINTABLE_EXTENSIONS;
  const files = new Set<string>();
  const problem = (path: string, message: string, usage: string) => {
    if (!options.onProblem) throw new UsageError(usage);
    options.onProblem(path, message);
  };
  for (const operand of operands) {
    const absolute = resolve(cwd, operand);
    const stats = statOrUndefined(absolute);
    if (stats?.isDirectory()) {
      const onUnreadable = (dir: string, error: unknown) => problem(display(cwd, dir), `cannot read folder: ${describeIoError(error)}`, `cannot read folder ${display(cwd, dir)}`);
      for (const file of walk(absolute, extensions, new Set(), onUnreadable)) files.add(display(cwd, file));
    } else if (stats) {
      // Files, and also pipes or devices named explicitly: reading reports what they are.
      files.add(display(cwd, absolute));
    } else if (GLOB_CHARS.test(operand)) {
      const matches = globSync(operand, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], absolute: true, dot: false });
      if (matches.length === 0) problem(operand, 'no files match this pattern', `No files matching the pattern "${operand}" were found.`);
      for (const file of matches) files.add(display(cwd, file));
    } else {
      const reason = statError(absolute);
      problem(operand, reason, `No such file or folder: ${operand}`);
    }
  }
  return [...files].sort();
}

/** Why a path cannot be used: usually "no such file or folder", but also a link loop or a denied folder. */
function statError(path: string): string {
  try {
    statSync(path);
    return 'no such file or folder';
  } catch (error) {
    return describeIoError(error);
  }
}

function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Walks a folder; real paths already seen are skipped so a symlink loop cannot recurse forever. */
function* walk(dir: string, extensions: Set<string>, seen: Set<string>, onUnreadable?: (dir: string, error: unknown) => void): Generator<string> {
  let real: string;
  try {
    real = statSync(dir).ino + ':' + statSync(dir).dev;
  } catch (error) {
    onUnreadable?.(dir, error);
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    onUnreadable?.(dir, error);
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && statOrUndefined(path)?.isDirectory())) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* walk(path, extensions, seen, onUnreadable);
    } else if (extensions.has(extname(entry.name).toLowerCase())) {
      yield path;
    }
  }
}
