import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const IGNORE_FILE = '.anti-racist-lintignore';

export interface IgnoreSources {
  cwd: string;
  /** `--ignore-pattern`, relative to the working directory. */
  patterns: string[];
  /** The configuration's `ignorePatterns`, relative to the configuration file's folder. */
  configPatterns: string[];
  configDir: string;
}

/** Says whether a path (absolute) is ignored; folders are tested with `isFolder` so `archive/` patterns prune walks. */
export type IgnoreTest = (absolutePath: string, isFolder: boolean) => boolean;

/** One set of gitignore rules, tied to the folder its patterns are relative to. */
function rooted(base: string, patterns: string[]): IgnoreTest | undefined {
  if (patterns.length === 0) return undefined;
  const matcher: Ignore = ignore().add(patterns);
  return (path, isFolder) => {
    const rel = relative(base, path);
    // Paths outside the folder cannot match its rules (and the `ignore` package refuses them).
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    const posix = rel.split(sep).join('/');
    return matcher.ignores(isFolder ? `${posix}/` : posix);
  };
}

/**
 * The ignore rules of a run, in gitignore syntax (the `ignore` package): `.anti-racist-lintignore` in the
 * working directory, `--ignore-pattern` flags and the configuration's `ignorePatterns` (as ESLint's
 * `.eslintignore`, `--ignore-pattern` and `ignorePatterns`). A path is ignored when any of them ignores it.
 */
export function createIgnoreTest(sources: IgnoreSources): IgnoreTest {
  const ignoreFile = join(sources.cwd, IGNORE_FILE);
  const filePatterns = existsSync(ignoreFile) ? readFileSync(ignoreFile, 'utf8').split(/\r?\n/) : [];
  const tests = [
    rooted(sources.cwd, filePatterns),
    rooted(sources.cwd, sources.patterns),
    rooted(sources.configDir, sources.configPatterns),
  ].filter((t): t is IgnoreTest => t !== undefined);
  return (path, isFolder) => tests.some((test) => test(path, isFolder));
}

export const ignoreNothing: IgnoreTest = () => false;
