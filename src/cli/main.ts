import { Command, CommanderError } from 'commander';
import { packageVersion } from '../package-root.js';
import { ConfigError } from '../config/config.js';
import { BaselineError } from '../baseline/baseline.js';
import { UsageError } from './files.js';
import { runLint, type Io } from './lint-command.js';
import { explainRule, listRules } from './explain.js';
import { registerServeCommand } from './serve-command.js';
import { registerAuditCommands } from './audit-command.js';
import { guardProcess } from '../io/process-guards.js';
import { addLintOptions, normaliseLintOptions } from './options.js';

export { parseRuleFlags } from './options.js';

export const EXIT = { ok: 0, problems: 1, fatal: 2 } as const;

/** The root command lints: `anti-racist-lint [options] [paths...]`. */
function defineLintCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  addLintOptions(program.argument('[paths...]', 'files, folders or globs to lint (folders: .txt, .md, .markdown)')).action(async (paths: string[], raw) => {
    if (raw.listRules || raw.explain) {
      io.stdout(raw.listRules ? listRules() : explainRule(raw.explain));
      return setExit(EXIT.ok);
    }
    setExit(await runLint(paths, normaliseLintOptions(raw, paths), io));
  });
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command()
    .name('anti-racist-lint')
    .description('Checks case notes, referrals, assessments and policies against anti-racist practice standards.')
    .version(packageVersion(), '-v, --version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  defineLintCommand(program, io, setExit);
  registerServeCommand(program, io, setExit);
  registerAuditCommands(program, io, setExit);
  // Subcommands, one line each: program.addCommand(someCommand(io, setExit).copyInheritedSettings(program));
  return program;
}

/** Entry point used by bin/: returns the exit code, never throws, never prints a stack trace. */
export async function main(argv: string[]): Promise<number> {
  guardProcess('anti-racist-lint');
  // Nothing to write, nothing to touch: setting up process.stdout costs ~15 ms, and a clean file prints nothing.
  const io: Io = { stdout: (s) => void (s && process.stdout.write(s)), stderr: (s) => void (s && process.stderr.write(s)) };
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
  else if (error instanceof UsageError || error instanceof BaselineError) stderr(`anti-racist-lint: ${error.message}\n`);
  else {
    const e = error as NodeJS.ErrnoException;
    const where = e.path ? ` (${e.path})` : '';
    const message = (e.message ?? String(error)).split('\n')[0];
    const code = e.code && !message.startsWith(e.code) ? `${e.code}: ` : '';
    stderr(`anti-racist-lint: ${code}${message}${where}\n`);
  }
  return EXIT.fatal;
}
