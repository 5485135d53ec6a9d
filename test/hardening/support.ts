import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT } from '../helpers/cli.js';

export interface BoundedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the run was killed for taking longer than the limit (a hang). */
  timedOut: boolean;
  ms: number;
}

export interface BoundedOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Modules loaded before the CLI with --import (e.g. the no-network guard). */
  preload?: string[];
  timeoutMs?: number;
  /** Run as this uid/gid via setpriv (to test permissions as root). */
  asUser?: number;
  input?: string;
}

/**
 * Runs the built CLI with a time limit, so a hang fails the test instead of freezing the worker (the shared
 * runCli has no limit). Extra node flags go through NODE_OPTIONS, exactly as a user could set them.
 */
export function runCliBounded(args: string[], options: BoundedOptions = {}): BoundedRun {
  const nodeOptions = (options.preload ?? []).map((p) => `--import=${pathToFileURL(p).href}`).join(' ');
  const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}), ...options.env };
  const command = options.asUser === undefined ? process.execPath : 'setpriv';
  const prefix = options.asUser === undefined ? [] : [`--reuid=${options.asUser}`, `--regid=${options.asUser}`, '--clear-groups', process.execPath];
  const started = Date.now();
  const r = spawnSync(command, [...prefix, BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    input: options.input,
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 28,
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut, ms: Date.now() - started };
}

/** Starts the CLI without waiting (for tests that kill it or close its output early). */
export function startCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export const PRELOAD = {
  noNetwork: join(import.meta.dirname, 'preload', 'no-network.mjs'),
  ioFaults: join(import.meta.dirname, 'preload', 'io-faults.mjs'),
};

/** A stack trace line ("    at fn (file:1:2)"): never allowed in what a user sees. */
export const STACK_LINE = /^\s+at .+[:(]/m;

/** The message lines of stderr (one per problem). */
export const stderrLines = (stderr: string) => stderr.split('\n').filter((l) => l.trim() !== '');

export const isRoot = () => process.getuid?.() === 0;

/** Whether a process can be run as another user here (root with setpriv). */
export function canDropPrivileges(): boolean {
  return isRoot() && spawnSync('setpriv', ['--version']).status === 0;
}

/** Makes a temporary project readable by an unprivileged user (mkdtemp creates it 0700). */
export function openUp(dir: string): void {
  if (existsSync(dir)) chmodSync(dir, 0o755);
}

export const NOBODY = 65534;
