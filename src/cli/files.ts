import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, extname, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

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
}

/**
 * Turns command-line operands (files, folders, globs) into a sorted, de-duplicated list of files. A path
 * that matches nothing is a usage error naming it (ESLint: "No files matching … were found").
 */
export function expandPaths(operands: string[], options: ExpandOptions = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  const extensions = options.extensions ?? LINTABLE_EXTENSIONS;
  const files = new Set<string>();
  for (const operand of operands) {
    const absolute = resolve(cwd, operand);
    const stats = statOrUndefined(absolute);
    if (stats?.isDirectory()) {
      for (const file of walk(absolute, extensions, new Set())) files.add(display(cwd, file));
    } else if (stats?.isFile()) {
      files.add(display(cwd, absolute));
    } else if (GLOB_CHARS.test(operand)) {
      const matches = globSync(operand, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], absolute: true, dot: false });
      if (matches.length === 0) throw new UsageError(`No files matching the pattern "${operand}" were found.`);
      for (const file of matches) files.add(display(cwd, file));
    } else {
      throw new UsageError(`No such file or folder: ${operand}`);
    }
  }
  return [...files].sort();
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
function* walk(dir: string, extensions: Set<string>, seen: Set<string>): Generator<string> {
  let real: string;
  try {
    real = statSync(dir).ino + ':' + statSync(dir).dev;
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && statOrUndefined(path)?.isDirectory())) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* walk(path, extensions, seen);
    } else if (extensions.has(extname(entry.name).toLowerCase())) {
      yield path;
    }
  }
}
