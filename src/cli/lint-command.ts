import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { LintCache, resolveCacheLocation } from '../cache/cache.js';
import { loadConfig } from '../config/load.js';
import type { UserConfig } from '../config/config.js';
import { hashText } from '../baseline/fingerprint.js';
import { ensureFolder, writeFileAtomic } from '../fix/write-file.js';
import { readFileBytes, readTextFile } from '../io/read.js';
import { describeIoError } from '../io/errors.js';
import { CONVERTED_EXTENSIONS, documentFromBytes } from '../input/document.js';
import { formatters, type FormatterOptions } from '../formatters/index.js';
import type { LintResult } from '../linter.js';
import { packageVersion } from '../package-root.js';
import { formatForPath, prepareMarkdown } from '../parse/index.js';
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

interface InputContext {
  cwd: string;
  io: Io;
  isIgnored: IgnoreTest;
  /** Notice for an ignored file the user named (unless --no-warn-ignored or --quiet). */
  warnIgnored: (path: string) => void;
  /** A file could not be read: the run will exit 2. */
  failed: () => void;
}

/** Standard input as one text, named by --stdin-filename (which also decides whether it is ignored). */
async function* stdinInput(name: string | undefined, ctx: InputContext): AsyncGenerator<LintInput> {
  const filePath = name ? resolve(ctx.cwd, name) : '<stdin>';
  const bytes = await readStdin();
  if (name && ctx.isIgnored(filePath, false)) return ctx.warnIgnored(name);
  yield { filePath, displayPath: name ?? '<stdin>', bytes };
}

/**
 * The files the operands name, minus ignored ones, each read once (the snapshot guards a later --fix). A path
 * that cannot be linted (missing, unreadable, a pipe, binary, too large) is reported in one line naming it and
 * the others are still linted (exit 2 at the end); src/io/read.ts says why, without the file's contents.
 */
async function* fileInputs(paths: string[], ctx: InputContext): AsyncGenerator<LintInput> {
  const problem = (path: string, what: string) => {
    say(ctx.io, `${path}: ${what}`);
    ctx.failed();
  };
  const { files, ignoredExplicitly } = collectFiles(paths, { cwd: ctx.cwd, isIgnored: ctx.isIgnored, onProblem: problem });
  ignoredExplicitly.forEach(ctx.warnIgnored);
  for (const file of files) {
    const filePath = resolve(ctx.cwd, file);
    if (CONVERTED_EXTENSIONS.has(extname(file).toLowerCase())) {
      const converted = await convertedInput(filePath, file);
      if (typeof converted === 'string') problem(file, converted);
      else yield converted;
      continue;
    }
    const read = readTextFile(filePath);
    if (!read.ok) {
      problem(file, read.reason);
      continue;
    }
    for (const warning of read.warnings) say(ctx.io, `${file}: warning: ${warning}`);
    // ESLint reports absolute paths in JSON; the stylish formatter shows them relative to the working directory.
    yield { filePath, displayPath: file, bytes: read.bytes, snapshot: { bytes: read.bytes, mtimeMs: read.mtimeMs, size: read.size } };
  }
}

/**
 * A .docx or .html file, converted to text (src/input/document.ts). It has no snapshot, so --fix never writes
 * it: positions refer to the extracted text. Returns the reason when it cannot be read or converted.
 */
async function convertedInput(filePath: string, file: string): Promise<LintInput | string> {
  const read = readFileBytes(filePath);
  if (!read.ok) return read.reason;
  try {
    const { text } = await documentFromBytes(filePath, read.bytes);
    return { filePath, displayPath: file, bytes: Buffer.from(text, 'utf8') };
  } catch (error) {
    return `cannot convert to text: ${describeIoError(error)}`;
  }
}

/** A cache that cannot be written costs speed next time, not correctness now: a notice, not a failure. */
function saveCache(cache: LintCache | undefined, io: Io): void {
  try {
    cache?.save();
  } catch (error) {
    say(io, `cannot write the cache ${cache?.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
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
  ensureFolder(dirname(path));
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
  const ctx: InputContext = {
    cwd,
    io,
    isIgnored,
    warnIgnored: (path) => {
      if (options.ignore.warnIgnored && !options.quiet) say(io, `${path} is ignored (.anti-racist-lintignore, --ignore-pattern or ignorePatterns); use --no-ignore to lint it`);
    },
    failed: () => (failed = true),
  };
  for await (const input of options.stdin ? stdinInput(options.stdin.filename, ctx) : fileInputs(paths, ctx)) {
    // Loaded asynchronously, the parser comes from the command line's bundle rather than ~70 separate modules.
    if (formatForPath(input.filePath) === 'markdown') await prepareMarkdown();
    let outcome;
    try {
      outcome = lintInput(input, settings);
    } catch (error) {
      // A bug in a rule must not cost the other files their results. The message names the file only.
      say(io, `${input.displayPath}: internal error while linting, please report it: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
      failed = true;
      continue;
    }
    if (outcome.notice) say(io, outcome.notice);
    if (outcome.failed) failed = true;
    results.push(outcome.result);
    diffs.push(outcome.diff);
  }
  saveCache(cache, io);

  const metadata: Record<string, unknown> = {};
  if (options.baseline) {
    const step = applyBaselineStep(results, options.baseline, cwd, io.stderr);
    results = step.results;
    metadata.baseline = step.summary;
    reportAbsent(step.summary, cwd, io);
  }
  if (options.fixMode === 'diff') io.stdout(diffs.join(''));
  // With --diff the patch is the output; the report is written only where --output-file asks.
  if (options.fixMode !== 'diff' || options.outputFile) writeReport(formatReport(results, options, cwd, metadata), options, cwd, io);
  return exitCode(results, options, failed, diffs, io);
}

function formatReport(results: LintResult[], options: LintCommandOptions, cwd: string, metadata: Record<string, unknown>): string {
  const shown = options.quiet ? results.map(onlyErrors) : results;
  const formatterOptions: FormatterOptions = {
    color: options.outputFile ? false : (options.color ?? process.stdout.isTTY === true),
    cwd,
    root: githubRoot(cwd),
    metadata,
  };
  return formatters[options.format](shown, formatterOptions);
}

/** In a GitHub workflow, annotation paths are relative to the checkout (GITHUB_WORKSPACE), wherever we run from. */
function githubRoot(cwd: string): string {
  const workspace = process.env.GITHUB_WORKSPACE;
  return workspace && !relative(workspace, cwd).startsWith('..') ? workspace : cwd;
}
