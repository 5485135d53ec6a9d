import { Command, CommanderError, Option } from 'commander';
import { packageVersion } from '../package-root.js';
import { ConfigError, parseSeverity } from '../config/config.js';
import { UsageError } from './files.js';
import { runLint } from './lint-command.js';
import { explainRule, listRules } from './explain.js';
import { registerAuditCommands } from './audit-command.js';
import { rules } from '../../rules/index.js';
import type { RuleSetting } from '../engine/lint.js';

export const EXIT = { ok: 0, problems: 1, fatal: 2 } as const;


function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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

export function buildProgram(io: { stdout: (s: string) => void; stderr: (s: string) => void }, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('anti-racist-lint')
    .description('Checks case notes, referrals, assessments and policies against anti-racist practice standards.')
    .version(packageVersion(), '-v, --version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .argument('[paths...]', 'files, folders or globs to lint (folders: .txt, .md, .markdown)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('-c, --config <file>', 'use this configuration file instead of searching for one')
    .option('--rule <id:severity>', 'set a rule severity: off, info, warn or error (repeatable)', collect, [])
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', (v) => {
      if (!/^-?\d+$/.test(v)) throw new UsageError(`--max-warnings expects a whole number, got "${v}"`);
      return Number(v);
    })
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('--explain <rule>', "print a rule's rationale, the clause it enforces, and examples")
    .option('--list-rules', 'list every rule with its default severity and clause')
    .action(async (paths: string[], options) => {
      if (options.listRules) {
        io.stdout(listRules());
        return setExit(EXIT.ok);
      }
      if (options.explain) {
        io.stdout(explainRule(options.explain));
        return setExit(EXIT.ok);
      }
      if (paths.length === 0) throw new UsageError('no paths given: try `anti-racist-lint fixtures/` or --help');
      setExit(await runLint(paths, { ...options, ruleSettings: parseRuleFlags(options.rule) }, io));
    });
  registerAuditCommands(program, io, setExit);
  return program;
}

/** Entry point used by bin/: returns the exit code, never throws, never prints a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const io = { stdout: (s: string) => void process.stdout.write(s), stderr: (s: string) => void process.stderr.write(s) };
  let code: number = EXIT.ok;
  try {
    await buildProgram(io, (c) => (code = c)).parseAsync(argv);
    return code;
  } catch (error) {
    return reportFatal(error, io.stderr);
  }
}

export function reportFatal(error: unknown, stderr: (s: string) => void): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has already printed its own one-line error otherwise.
    return error.exitCode === 0 ? EXIT.ok : EXIT.fatal;
  }
  if (error instanceof ConfigError) stderr(`anti-racist-lint: configuration error: ${error.message}\n`);
  else if (error instanceof UsageError) stderr(`anti-racist-lint: ${error.message}\n`);
  else {
    const e = error as NodeJS.ErrnoException;
    const where = e.path ? ` (${e.path})` : '';
    stderr(`anti-racist-lint: ${e.code ? `${e.code}: ` : ''}${(e.message ?? String(error)).split('\n')[0]}${where}\n`);
  }
  return EXIT.fatal;
}
