import { hashText } from '../baseline/fingerprint.js';
import type { LintCache } from '../cache/cache.js';
import { configForFile, type UserConfig } from '../config/config.js';
import type { RuleSetting } from '../engine/lint.js';
import type { Edit, Severity } from '../engine/rule.js';
import { unifiedDiff } from '../fix/diff.js';
import { decodeFile, encodeText } from '../fix/encoding.js';
import { fixText } from '../fix/fix-text.js';
import { ChangedOnDiskError, writeFileAtomic, type ReadSnapshot } from '../fix/write-file.js';
import { lintText, type LintResult, type LintTextOptions } from '../linter.js';
import { rules } from '../../rules/index.js';
import { describeIoError } from '../io/errors.js';
import type { FixMode } from './options.js';

/** One text to lint: a file (with what was read, so a fix can check nothing changed since) or standard input. */
export interface LintInput {
  /** Absolute path (or `<stdin>`): used for the configuration, the parser and the result. */
  filePath: string;
  /** As shown to the user, in notices and diffs. */
  displayPath: string;
  bytes: Uint8Array;
  /** Present for files on disk; without it nothing is written. */
  snapshot?: ReadSnapshot;
}

export interface LintSettings {
  config: UserConfig;
  ruleSettings: Record<string, RuleSetting>;
  inlineConfig: boolean;
  reportUnusedDisableDirectives: Severity | 'off';
  fixMode: FixMode;
  cache?: LintCache;
}

export interface LintOutcome {
  result: LintResult;
  /** Unified diff of the fixes (`--diff`); empty when there is nothing to fix. */
  diff: string;
  /** Something the user should know about this file (printed on standard error). */
  notice?: string;
  /** The file could not be written: the run exits 2. */
  failed?: boolean;
}

function lintOptions(input: LintInput, settings: LintSettings): LintTextOptions {
  return {
    ...(input.filePath === '<stdin>' ? {} : { filePath: input.filePath }),
    config: settings.config,
    ruleSettings: settings.ruleSettings,
    inlineConfig: settings.inlineConfig,
    reportUnusedDisableDirectives: settings.reportUnusedDisableDirectives,
  };
}


/** What a file's findings depend on besides its bytes: its effective rules and the directive options. */
function configHash(options: LintTextOptions, settings: LintSettings): string {
  const effective = configForFile(settings.config, rules, options.filePath, settings.ruleSettings);
  return hashText(JSON.stringify({ effective, inline: settings.inlineConfig, unused: settings.reportUnusedDisableDirectives }));
}

/**
 * Lints one input and, as asked, fixes it: `write` replaces the file atomically in its own encoding, `dry-run`
 * puts the fixed text in `result.output`, `diff` returns a unified diff. Uses and fills the cache.
 */
export function lintInput(input: LintInput, settings: LintSettings): LintOutcome {
  const decoded = decodeFile(input.bytes);
  const options = lintOptions(input, settings);
  const cacheKey = settings.cache ? { content: hashText(input.bytes, 64), config: configHash(options, settings) } : undefined;

  const cached = cacheKey && settings.cache?.get(input.filePath, cacheKey.content, cacheKey.config);
  const nothingToFix = cached && cached.fixableErrorCount + cached.fixableWarningCount === 0;
  if (cached && (settings.fixMode === 'none' || nothingToFix)) {
    return { result: { filePath: input.filePath, ...structuredClone(cached), source: decoded.text }, diff: '' };
  }

  const lint = (text: string) => lintText(text, { ...options, filePath: input.filePath });
  if (settings.fixMode === 'none') {
    const result = lint(decoded.text);
    if (cacheKey) settings.cache?.set(input.filePath, cacheKey.content, cacheKey.config, result);
    return { result, diff: '' };
  }

  const first = lint(decoded.text);
  if (!decoded.roundTrips) {
    const fixable = first.fixableErrorCount + first.fixableWarningCount > 0;
    const notice = fixable ? `${input.displayPath} is not valid UTF-8 or UTF-16: not fixed, as writing it back would change other characters` : undefined;
    return { result: first, diff: '', ...(notice ? { notice } : {}) };
  }
  const fixed = fixText(decoded.text, (text) => (text === decoded.text ? first : lint(text)), safeEdits);
  const linted = fixed.linted;
  const changed = fixed.output !== decoded.text;

  if (settings.fixMode === 'diff') {
    // The first line of the patch must match the file's bytes, byte-order mark included, for `git apply`.
    const bom = decoded.encoding.bom && decoded.encoding.name === 'utf-8' ? '\ufeff' : '';
    return { result: linted, diff: unifiedDiff(input.displayPath, bom + decoded.text, bom + fixed.output) };
  }
  if (settings.fixMode === 'dry-run') return { result: changed ? { ...linted, output: fixed.output } : linted, diff: '' };

  // --fix: write the file, then remember the findings of what is now on disk.
  if (!changed || !input.snapshot) {
    if (cacheKey) settings.cache?.set(input.filePath, cacheKey.content, cacheKey.config, linted);
    return { result: linted, diff: '' };
  }
  const bytes = encodeText(fixed.output, decoded.encoding);
  try {
    writeFileAtomic(input.filePath, bytes, input.snapshot);
  } catch (error) {
    const reason = error instanceof ChangedOnDiskError
      ? `${input.displayPath} changed on disk while it was being fixed; not overwritten (run again to fix the new version)`
      : `cannot write ${input.displayPath}: ${(error as NodeJS.ErrnoException).code ?? ''}${(error as NodeJS.ErrnoException).code ? ', ' : ''}${describeIoError(error).replace(/ \(\w+\)$/, '')}; the file is unchanged`;
    return { result: first, diff: '', notice: reason, failed: true };
  }
  if (cacheKey) settings.cache?.set(input.filePath, hashText(bytes, 64), cacheKey.config, linted);
  return { result: linted, diff: '' };
}

/** The safe fixes of a result's messages, as edits (suggestions are never applied). */
function safeEdits(result: LintResult): Edit[] {
  return result.messages.flatMap((m) => (m.fix ? [{ span: { start: m.fix.range[0], end: m.fix.range[1] }, text: m.fix.text }] : []));
}
