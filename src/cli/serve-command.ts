import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { rules } from '../../rules/index.js';
import { UsageError } from './files.js';
import { DEFAULT_PORT } from '../serve/port.js';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

/** `anti-racist-lint serve [--port 4317] [--open]`: the draft checker page on 127.0.0.1. */
export function registerServeCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('start the draft checker page on this computer (127.0.0.1 only); uses --config like linting')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', parsePort, DEFAULT_PORT)
    .option('--open', 'open the page in the default browser')
    .option('-c, --config <file>', 'use this configuration file instead of searching for one')
    .action(async (options: { port: number; open?: boolean; config?: string }, command: Command) => {
      // Subcommands take their options positionally (see the audit commands), so serve declares --config itself;
      // one given before `serve` still counts.
      const configFile = options.config ?? (command.optsWithGlobals().config as string | undefined);
      const { config } = loadConfig(rules, { configFile });
      // The server (and mammoth, for .docx) is loaded only when serving: plain linting must start fast.
      const { createDraftServer, listen } = await import('../serve/server.js');
      const server = createDraftServer({ config });
      let url: string;
      try {
        url = await listen(server, options.port);
      } catch (error) {
        throw listenError(error as NodeJS.ErrnoException, options.port);
      }
      io.stdout(`anti-racist-lint draft checker: ${url}\nYour text stays on this computer. Press Ctrl+C to stop.\n`);
      if (options.open) openBrowser(url, io);
      setExit(0);
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port expects a number from 0 to 65535, got "${value}"`);
  return port;
}

function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE') return new UsageError(`port ${port} is already in use: try --port ${port + 1}, or --port 0 for any free port`);
  if (error.code === 'EACCES') return new UsageError(`not allowed to listen on port ${port}: choose a port above 1023`);
  return error;
}

/** Hands the address to the system's opener; if there is none, the printed address is enough. */
function openBrowser(url: string, io: Io): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => io.stderr(`anti-racist-lint: could not open a browser; open ${url} yourself.\n`));
  child.unref();
}
