import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { rules } from '../../rules/index.js';
import { AuditUsageError, runAudit } from '../audit/run-audit.js';
import { MergeInputError, mergeReports } from '../audit/merge.js';
import { parseShard, type Shard } from '../audit/shard.js';
import { AUDIT_EXTENSIONS, classifySources } from '../audit/sources.js';
import { loadConfig } from '../config/load.js';
import { checkEncoding } from '../input/encoding.js';
import { expandPaths, UsageError } from './files.js';
import { parseRuleFlags } from './main.js';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

const collect = (value: string, previous: string[]) => [...previous, value];

function wholeNumber(flag: string, min: number) {
  return (value: string) => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag} expects a whole number of at least ${min}, got "${value}"`);
    return Number(value);
  };
}

function delimiterOf(value: string): string {
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };
  const d = named[value.toLowerCase()] ?? value;
  // One ASCII character: exports are cut into records byte by byte.
  if (!/^[\x01-\x7f]$/.test(d) || /["\r\n]/.test(d)) throw new UsageError(`--delimiter expects one ASCII character other than a quotation mark or line break (or tab, comma, semicolon, pipe), got "${value}"`);
  return d;
}

/** Usage problems found by the audit itself become the CLI's usage errors (one line, exit 2). */
async function asUsageErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AuditUsageError || error instanceof MergeInputError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * A reader that goes away (`audit -f json | head`) ends the run quietly, as SIGPIPE would end a C program,
 * instead of an unhandled EPIPE error with a stack trace.
 */
function stopQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(141);
    throw error;
  });
}

/**
 * Adds `audit` and `merge-reports` to the program. Options after a subcommand's name then belong to the
 * subcommand (`audit -f json` is the audit's --format), which needs commander's positional options.
 */
export function registerAuditCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  program.enablePositionalOptions();
  for (const command of auditCommands(io, setExit)) program.addCommand(command);
}

/** `anti-racist-lint audit` and `anti-racist-lint merge-reports`. */
export function auditCommands(io: Io, setExit: (code: number) => void): Command[] {
  const audit = new Command('audit')
    .description('audit a collection of records: exports (CSV, TSV, JSON Lines) and documents (.txt, .md, .docx, .html)')
    .argument('<paths...>', 'export files, documents, folders or globs')
    .option('--text-column <name>', 'CSV/TSV column holding record text (repeatable; default: a column named text, note, body, …)', collect, [])
    .option('--text-field <name>', 'JSON Lines field holding record text (repeatable; dotted paths allowed)', collect, [])
    .option('--id-column <name>', 'column holding the record id (default: a column named "id", else the row number)')
    .option('--id-field <name>', 'JSON Lines field holding the record id')
    .option('--date-column <name>', 'column holding the record date: adds findings per year to the report')
    .option('--date-field <name>', 'JSON Lines field holding the record date')
    .option('--delimiter <char>', 'CSV field delimiter (default: comma for .csv, tab for .tsv)', delimiterOf)
    .option('--encoding <name>', 'export encoding, e.g. utf-8, utf-16le, windows-1252 (default: detected)')
    .option('-j, --jobs <n>', 'threads that lint: this one and n - 1 workers', wholeNumber('--jobs', 1), availableParallelism())
    .addOption(new Option('-f, --format <name>', 'standard output: a text summary, or ESLint-style JSON with one result per record').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the --format output to a file')
    .option('--summary <file.csv>', 'write one CSV row per record: id, source, counts per rule, highest severity, needs_review')
    .option('--report <file.html>', 'write a self-contained HTML report')
    .option('--redact', 'keep record text and excerpts out of every output (ids, rules and positions only)')
    .option('--shard <K/N>', 'audit only the K-th of N shares of the records (by a hash of the record id)')
    .option('--resume', 'continue an interrupted audit from its checkpoint (beside the first output file)')
    .option('--no-progress', 'no progress bar (it is only drawn when standard error is a terminal)')
    .option('-c, --config <file>', 'use this configuration file instead of searching for one')
    .option('--rule <id:severity>', 'set a rule severity: off, info, warn or error (repeatable)', collect, [])
    .action(async (paths: string[], o) => {
      stopQuietlyWhenStdoutCloses();
      const { config } = loadConfig(rules, { configFile: o.config });
      if (o.encoding) {
        try {
          checkEncoding(o.encoding);
        } catch (error) {
          throw new UsageError(`--encoding: ${(error as Error).message}`);
        }
      }
      let shard: Shard | undefined;
      if (o.shard) {
        try {
          shard = parseShard(o.shard);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
      }
      const sources = classifySources(expandPaths(paths, { extensions: AUDIT_EXTENSIONS }), process.cwd(), o.delimiter);
      const code = await asUsageErrors(() =>
        runAudit(
          sources,
          {
            input: {
              textColumns: o.textColumn,
              idColumn: o.idColumn,
              dateColumn: o.dateColumn,
              textFields: o.textField,
              idField: o.idField,
              dateField: o.dateField,
              ...(o.encoding ? { encoding: o.encoding } : {}),
            },
            jobs: o.jobs,
            format: o.format,
            output: o.output,
            summary: o.summary,
            report: o.report,
            redact: o.redact === true,
            shard,
            resume: o.resume === true,
            progress: o.progress !== false && process.stderr.isTTY === true,
            config,
            ruleSettings: parseRuleFlags(o.rule),
            ...(process.env.ANTI_RACIST_LINT_AUDIT_CHUNK_BYTES ? { chunkBytes: Number(process.env.ANTI_RACIST_LINT_AUDIT_CHUNK_BYTES) } : {}),
          },
          io,
        ),
      );
      setExit(code);
    });

  const merge = new Command('merge-reports')
    .description('combine the --format json results of audit shards into one summary, report and result file')
    .argument('<files...>', 'shard result files (audit --format json --output shard-K.json)')
    .option('--summary <file.csv>', 'write the combined summary')
    .option('--report <file.html>', 'write the combined HTML report')
    .addOption(new Option('-f, --format <name>', 'standard output: a text summary, or the combined JSON results').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the --format output to a file')
    .action(async (files: string[], o) => {
      stopQuietlyWhenStdoutCloses();
      setExit(await asUsageErrors(() => mergeReports(expandPaths(files), { summary: o.summary, report: o.report, output: o.output, format: o.format }, io)));
    });

  for (const command of [audit, merge]) command.configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride();
  return [audit, merge];
}
