import { Command, Option } from 'commander';
import { parseSeverity } from '../config/config.js';
import type { RuleSetting } from '../engine/lint.js';
import type { Severity } from '../engine/rule.js';
import { formatters } from '../formatters/index.js';
import { rules } from '../../rules/index.js';
import { UsageError } from './files.js';

/** What `--fix`, `--fix-dry-run` and `--diff` ask for. */
export type FixMode = 'none' | 'write' | 'dry-run' | 'diff';

/** The lint command's options, checked and normalised (the raw commander values never leave this module). */
export interface LintCommandOptions {
  format: string;
  outputFile?: string;
  config?: string;
  ruleSettings: Record<string, RuleSetting>;
  quiet: boolean;
  maxWarnings?: number;
  color?: boolean;
  fixMode: FixMode;
  /** Set when reading standard input; `filename` picks the parser and config, and names the result. */
  stdin?: { filename?: string };
  inlineConfig: boolean;
  reportUnusedDisableDirectives: Severity | 'off';
  ignore: { enabled: boolean; patterns: string[]; warnIgnored: boolean };
  baseline?: { file: string; update: boolean };
  cache?: { location?: string };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function wholeNumber(flag: string) {
  return (v: string) => {
    if (!/^-?\d+$/.test(v)) throw new UsageError(`${flag} expects a whole number, got "${v}"`);
    return Number(v);
  };
}

/** Declares the lint options on a command (the root program); grouped as in the README's table. */
export function addLintOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(formatters)).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('-c, --config <file>', 'use this configuration file instead of searching for one')
    .option('--rule <id:severity>', 'set a rule severity: off, info, warn or error (repeatable)', collect, [])
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', wholeNumber('--max-warnings'))
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('--fix', 'apply safe fixes to the files in place')
    .option('--fix-dry-run', 'compute safe fixes without writing; the fixed text is in the JSON "output" field')
    .option('--diff', 'print the safe fixes as a unified diff instead of a report; writes nothing')
    .option('--stdin', 'lint text from standard input')
    .option('--stdin-filename <name>', 'the file name for standard input (picks the parser, config overrides and ignores)')
    .option('--no-inline-config', 'ignore <!-- anti-racist-lint-disable … --> comments')
    .option('--report-unused-disable-directives', 'report disable comments that suppress nothing, as errors')
    .addOption(
      new Option('--report-unused-disable-directives-severity <level>', 'report unused disable comments at this severity').choices(['off', 'info', 'warn', 'error', '0', '1', '2']),
    )
    .option('--ignore-pattern <pattern>', 'ignore files matching this pattern, gitignore syntax (repeatable)', collect, [])
    .option('--no-ignore', 'lint files even when .anti-racist-lintignore, --ignore-pattern or ignorePatterns exclude them')
    .option('--no-warn-ignored', 'say nothing about explicitly named files that are ignored')
    .option('--baseline <file>', 'report and fail only on findings not recorded in this baseline file')
    .option('--update-baseline', 'record the current findings in the --baseline file')
    .option('--cache', 'only re-lint files that changed since the last run (.anti-racist-lintcache)')
    .option('--cache-location <path>', 'the cache file, or a folder to hold it')
    .option('--explain <rule>', "print a rule's rationale, the clause it enforces, and examples")
    .option('--list-rules', 'list every rule with its default severity and clause');
}

/** `--rule trigger-label:off` → settings; unknown ids and severities are usage errors. */
export function parseRuleFlags(flags: string[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const at = flag.lastIndexOf(':');
    if (at <= 0) throw new UsageError(`--rule expects id:severity (e.g. trigger-label:off), got "${flag}"`);
    const id = flag.slice(0, at).trim();
    const rule = rules.find((r) => r.meta.id === id || r.meta.aliases?.includes(id));
    if (!rule) throw new UsageError(`--rule: unknown rule "${id}" (see --list-rules)`);
    out[rule.meta.id] = { severity: parseSeverity(flag.slice(at + 1).trim(), '--rule', id), options: {} };
  }
  return out;
}

/** Raw commander values, as declared above. */
interface RawOptions {
  format: string;
  outputFile?: string;
  config?: string;
  rule: string[];
  quiet?: boolean;
  maxWarnings?: number;
  color?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  diff?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  inlineConfig: boolean;
  reportUnusedDisableDirectives?: boolean;
  reportUnusedDisableDirectivesSeverity?: string;
  ignorePattern: string[];
  ignore: boolean;
  warnIgnored: boolean;
  baseline?: string;
  updateBaseline?: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

function exclusive(raw: RawOptions, flags: [keyof RawOptions, string][]): void {
  const given = flags.filter(([key]) => raw[key]).map(([, flag]) => flag);
  if (given.length > 1) throw new UsageError(`${given.join(' and ')} cannot be used together`);
}

/** Checks combinations ESLint also refuses, and turns the raw values into LintCommandOptions. */
export function normaliseLintOptions(raw: RawOptions, paths: string[]): LintCommandOptions {
  exclusive(raw, [['fix', '--fix'], ['fixDryRun', '--fix-dry-run'], ['diff', '--diff']]);
  exclusive(raw, [['reportUnusedDisableDirectives', '--report-unused-disable-directives'], ['reportUnusedDisableDirectivesSeverity', '--report-unused-disable-directives-severity']]);
  if (raw.stdin && raw.fix) throw new UsageError('--fix cannot be used with --stdin (there is no file to write); use --fix-dry-run or --diff');
  if (raw.stdin && paths.length) throw new UsageError('--stdin reads standard input: give no paths with it (use --stdin-filename to name the text)');
  if (raw.stdinFilename !== undefined && !raw.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (!raw.stdin && paths.length === 0) throw new UsageError('no paths given: try `anti-racist-lint notes/` or --help');
  if (raw.updateBaseline && !raw.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
  if (raw.updateBaseline && (raw.fixDryRun || raw.diff)) throw new UsageError('--update-baseline records findings on disk: it cannot be combined with --fix-dry-run or --diff');
  if (raw.cacheLocation !== undefined && !raw.cache) throw new UsageError('--cache-location needs --cache');

  const unusedSeverity = raw.reportUnusedDisableDirectivesSeverity
    ? parseSeverity(raw.reportUnusedDisableDirectivesSeverity, '--report-unused-disable-directives-severity', 'level')
    : raw.reportUnusedDisableDirectives
      ? 'error'
      : 'off';
  return {
    format: raw.format,
    ...(raw.outputFile ? { outputFile: raw.outputFile } : {}),
    ...(raw.config ? { config: raw.config } : {}),
    ruleSettings: parseRuleFlags(raw.rule),
    quiet: raw.quiet === true,
    ...(raw.maxWarnings !== undefined ? { maxWarnings: raw.maxWarnings } : {}),
    ...(raw.color !== undefined ? { color: raw.color } : {}),
    fixMode: raw.fix ? 'write' : raw.fixDryRun ? 'dry-run' : raw.diff ? 'diff' : 'none',
    ...(raw.stdin ? { stdin: raw.stdinFilename ? { filename: raw.stdinFilename } : {} } : {}),
    inlineConfig: raw.inlineConfig,
    reportUnusedDisableDirectives: unusedSeverity,
    ignore: { enabled: raw.ignore, patterns: raw.ignorePattern, warnIgnored: raw.warnIgnored },
    ...(raw.baseline ? { baseline: { file: raw.baseline, update: raw.updateBaseline === true } } : {}),
    ...(raw.cache ? { cache: raw.cacheLocation ? { location: raw.cacheLocation } : {} } : {}),
  };
}
