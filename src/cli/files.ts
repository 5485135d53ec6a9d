import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, extname, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import type { IgnoreTest } from './ignore.js';
import { describeIoError } from '../io/errors.js';

/**
 * Extensions linted when a folder is walked. Files named explicitly are linted whatever their extension.
 * HTML is linted when named but not when walking: folders hold generated pages (coverage, docs) too often.
 */
export const LINTABLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.docx']);
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
  /** Ignore rules: ignored folders are not walked, ignored files are left out. */
  isIgnored?: IgnoreTest;
  /**
   * Called for an operand that matches nothing or a folder that cannot be read; the others are still
   * expanded. Without it, an operand that matches nothing throws a UsageError.
   */
  onProblem?: (path: string, problem: string) => void;
}

export interface CollectedFiles {
  /** Files to lint, as shown to the user (relative to the working directory where possible), sorted. */
  files: string[];
  /** Files named explicitly on the command line that the ignore rules exclude. */
  ignoredExplicitly: string[];
}

/**
 * Turns command-line operands (files, folders, globs) into a sorted, de-duplicated list of files. A path
 * that matches nothing is a usage error naming it (ESLint: "No files matching … were found"), and so is a
 * glob whose every match is ignored ("All files matched by … are ignored").
 */
export function collectFiles(operands: string[], options: ExpandOptions = {}): CollectedFiles {
  const cwd = options.cwd ?? process.cwd();
  const extensions = options.extensions ?? LINTABLE_EXTENSIONS;
  const isIgnored = options.isIgnored ?? (() => false);
  const files = new Set<string>();
  const ignoredExplicitly = new Set<string>();
  const problem = (path: string, message: string, usage: string) => {
    if (!options.onProblem) throw new UsageError(usage);
    options.onProblem(path, message);
  };
  for (const operand of operands) {
    const absolute = resolve(cwd, operand);
    const stats = statOrUndefined(absolute);
    if (stats?.isDirectory()) {
      const onUnreadable = (dir: string, error: unknown) => problem(display(cwd, dir), `cannot read folder: ${describeIoError(error)}`, `cannot read folder ${display(cwd, dir)}`);
      for (const file of walk(absolute, extensions, new Set(), isIgnored, onUnreadable)) files.add(display(cwd, file));
    } else if (stats) {
      // Files, and also pipes or devices named explicitly: reading reports what they are.
      if (isIgnored(absolute, false)) ignoredExplicitly.add(display(cwd, absolute));
      else files.add(display(cwd, absolute));
    } else if (GLOB_CHARS.test(operand)) {
      const matches = globSync(operand, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], absolute: true, dot: false });
      if (matches.length === 0) {
        problem(operand, 'no files match this pattern', `No files matching the pattern "${operand}" were found.`);
        continue;
      }
      const kept = matches.filter((file) => !isIgnored(file, false));
      if (kept.length === 0) throw new UsageError(`All files matched by "${operand}" are ignored (use --no-ignore to lint them).`);
      for (const file of kept) files.add(display(cwd, file));
    } else {
      problem(operand, statError(absolute), `No such file or folder: ${operand}`);
    }
  }
  return { files: [...files].sort(), ignoredExplicitly: [...ignoredExplicitly].sort() };
}

/** The files to lint, without ignore rules (the library's view). */
export function expandPaths(operands: string[], options: ExpandOptions = {}): string[] {
  return collectFiles(operands, options).files;
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
  // A file under the working directory (most of them, in folders of a hundred thousand notes) without
  // path.relative, which resolves both paths again. Both are already normalised (resolve, join).
  const prefix = cwd.endsWith(sep) ? cwd : cwd + sep;
  if (file.startsWith(prefix) && file.length > prefix.length) return file.slice(prefix.length);
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
function* walk(
  dir: string,
  extensions: Set<string>,
  seen: Set<string>,
  isIgnored: IgnoreTest,
  onUnreadable?: (dir: string, error: unknown) => void,
): Generator<string> {
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
      if (!SKIPPED_FOLDERS.has(entry.name) && !isIgnored(path, true)) yield* walk(path, extensions, seen, isIgnored, onUnreadable);
    } else if (extensions.has(extname(entry.name).toLowerCase()) && !isIgnored(path, false)) {
      yield path;
    }
  }
}
