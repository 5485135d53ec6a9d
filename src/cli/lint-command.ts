import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { LintCache, resolveCacheLocation } from '../cache/cache.js';
import { loadConfig } from '../config/load.js';
import type { UserConfig } from '../config/config.js';
import { hashText } from '../baseline/fingerprint.js';
import { snapshotFile, writeFileAtomic } from '../fix/write-file.js';
import { formatters, type FormatterOptions } from '../formatters/index.js';
import type { LintResult } from '../linter.js';
import { packageVersion } from '../package-root.js';
import { rules } from '../../rules/index.js';
import { applyBaselineStep, type BaselineSummary } from './baseline-step.js';
import { collectFiles } from './files.js';
import { createIgnoreTest, ignoreNothing, type IgnoreTest } from './ignore.js';
import { lintInput, type LintInput, type LintSettings } from './lint-input.js';
import type { LintCommandOptions } from './options.js';
import { onlyErrors, sumCounts } from './results.js';
import { readStdin } from './stdin.js';

export type { LintCommandOptions } from './options.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const say = (io: Io, message: string) => io.stderr(`anti-racist-lint: ${message}\n`);

function ignoreTestFor(options: LintCommandOptions, cwd: string, config: UserConfig): IgnoreTest {
  if (!options.ignore.enabled) return ignoreNothing;
  return createIgnoreTest({
    cwd,
    patterns: options.ignore.patterns,
    configPatterns: config.ignorePatterns ?? [],
    configDir: config.basePath ?? cwd,
  });
}

/** The texts to lint: standard input, or the files the operands name minus ignored ones. */
async function* inputs(paths: string[], options: LintCommandOptions, isIgnored: IgnoreTest, cwd: string, io: Io, failed: () => void): AsyncGenerator<LintInput> {
  const warnIgnored = (path: string) => {
    if (options.ignore.warnIgnored && !options.quiet) say(io, `${path} is ignored (.anti-racist-lintignore, --ignore-pattern or ignorePatterns); use --no-ignore to lint it`);
  };
  if (options.stdin) {
    const name = options.stdin.filename;
    const filePath = name ? resolve(cwd, name) : '<stdin>';
    const bytes = await readStdin();
    if (name && isIgnored(filePath, false)) return warnIgnored(name);
    yield { filePath, displayPath: name ?? '<stdin>', bytes };
    return;
  }
  const { files, ignoredExplicitly } = collectFiles(paths, { cwd, isIgnored });
  ignoredExplicitly.forEach(warnIgnored);
  for (const file of files) {
    let snapshot;
    try {
      snapshot = snapshotFile(resolve(cwd, file));
    } catch (error) {
      // One unreadable file is reported and the others are still linted (exit 2 at the end).
      say(io, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      failed();
      continue;
    }
    // ESLint reports absolute paths in JSON; the stylish formatter shows them relative to the working directory.
    yield { filePath: resolve(cwd, file), displayPath: file, bytes: snapshot.bytes, snapshot };
  }
}

/** Cached findings are valid for one tool version and rule set only. */
function cacheIdentity(): string {
  return `${packageVersion()}:${hashText(JSON.stringify(rules.map((r) => r.meta)))}`;
}

function reportAbsent(summary: BaselineSummary, cwd: string, io: Io): void {
  for (const a of summary.absent) {
    const shown = isAbsolute(a.filePath) ? relative(cwd, a.filePath) : a.filePath;
    say(io, `baseline: ${a.count} ${a.ruleId} finding(s) recorded for ${shown} no longer occur; run with --update-baseline to drop them`);
  }
}

function writeReport(text: string, options: LintCommandOptions, cwd: string, io: Io): void {
  if (!options.outputFile) {
    io.stdout(text);
    return;
  }
  const path = resolve(cwd, options.outputFile);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, Buffer.from(text));
}

/** The exit code: 2 for a failure to read or write, 1 for errors or too many warnings, 0 otherwise. */
function exitCode(results: LintResult[], options: LintCommandOptions, failed: boolean, diffs: string[], io: Io): number {
  if (failed) return 2;
  if (options.fixMode === 'diff') return diffs.some(Boolean) ? 1 : 0;
  const { errors, warnings } = sumCounts(results);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`anti-racist-lint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/** Lints (and fixes) the operands or standard input, reports, and returns the ESLint-style exit code. */
export async function runLint(paths: string[], options: LintCommandOptions, io: Io): Promise<number> {
  const cwd = process.cwd();
  const { config } = loadConfig(rules, { configFile: options.config });
  const isIgnored = ignoreTestFor(options, cwd, config);
  const cache = options.cache ? LintCache.open(resolveCacheLocation(options.cache.location, cwd), cacheIdentity()) : undefined;
  const settings: LintSettings = {
    config,
    ruleSettings: options.ruleSettings,
    inlineConfig: options.inlineConfig,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    fixMode: options.fixMode,
    ...(cache ? { cache } : {}),
  };

  let failed = false;
  let results: LintResult[] = [];
  const diffs: string[] = [];
  for await (const input of inputs(paths, options, isIgnored, cwd, io, () => (failed = true))) {
    const outcome = lintInput(input, settings);
    if (outcome.notice) say(io, outcome.notice);
    if (outcome.failed) failed = true;
    results.push(outcome.result);
    diffs.push(outcome.diff);
  }
  cache?.save();

  const metadata: Record<string, unknown> = {};
  if (options.baseline) {
    const step = applyBaselineStep(results, options.baseline, cwd, io.stderr);
    results = step.results;
    metadata.baseline = step.summary;
    reportAbsent(step.summary, cwd, io);
  }
  const shown = options.quiet ? results.map(onlyErrors) : results;
  const formatterOptions: FormatterOptions = {
    color: options.outputFile ? false : (options.color ?? process.stdout.isTTY === true),
    cwd,
    root: githubRoot(cwd),
    metadata,
  };
  if (options.fixMode === 'diff') io.stdout(diffs.join(''));
  if (options.fixMode !== 'diff' || options.outputFile) writeReport(formatters[options.format](shown, formatterOptions), options, cwd, io);
  return exitCode(results, options, failed, diffs, io);
}

/** In a GitHub workflow, annotation paths are relative to the checkout (GITHUB_WORKSPACE), wherever we run from. */
function githubRoot(cwd: string): string {
  const workspace = process.env.GITHUB_WORKSPACE;
  return workspace && !relative(workspace, cwd).startsWith('..') ? workspace : cwd;
}
