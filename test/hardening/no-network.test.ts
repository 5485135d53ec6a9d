import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempProject } from '../helpers/cli.js';
import { PRELOAD, runCliBounded, STACK_LINE } from './support.js';

/**
 * The tool never reaches the network. Every run below loads a guard (preload/no-network.mjs) that makes
 * sockets, DNS, HTTP(S), fetch, WebSocket and child processes throw and logs every attempt, including those
 * a dependency would catch; each run must give the same exit code and results as without the guard.
 */
const project = tempProject({
  'notes/visit.txt': 'Home visit.\nMother is mixed race.\n',
  'notes/plan.md': '# Plan\n\nThe service user agreed the plan.\n',
  '.anti-racist-lintrc.json': JSON.stringify({ terms: [{ id: 'service-user', match: ['service user'] }] }),
});
cpSync(join(ROOT, 'fixtures', 'exports'), join(project.dir, 'exports'), { recursive: true });
afterAll(project.cleanup);

const log = join(project.dir, 'network.log');

function guarded(args: string[]) {
  rmSync(log, { force: true });
  const run = runCliBounded(args, { cwd: project.dir, preload: [PRELOAD.noNetwork], env: { ARL_NETWORK_LOG: log }, timeoutMs: 90_000 });
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  return { run, attempts: lines.filter((l) => l.startsWith('BLOCKED')), threads: lines.filter((l) => l.startsWith('loaded')) };
}

const plain = (args: string[]) => runCliBounded(args, { cwd: project.dir, timeoutMs: 90_000 });

describe('the guard itself', () => {
  it('blocks and logs fetch, HTTP, DNS, sockets and child processes', () => {
    const script = join(project.dir, 'try-network.mjs');
    writeFileSync(
      script,
      [
        "import http from 'node:http'; import dns from 'node:dns'; import net from 'node:net'; import cp from 'node:child_process';",
        "const tries = [() => fetch('http://example.invalid/'), () => http.get('http://example.invalid/'), () => dns.lookup('example.invalid', () => {}),",
        "  () => net.connect(80, 'example.invalid'), () => cp.execSync('true')];",
        'let blocked = 0;',
        'for (const t of tries) { try { t(); } catch (e) { if (e.code === "ENETBLOCKED") blocked++; } }',
        'console.log(blocked);',
      ].join('\n'),
    );
    rmSync(log, { force: true });
    const r = spawnSync(process.execPath, [`--import=${pathToFileURL(PRELOAD.noNetwork).href}`, script], { encoding: 'utf8', env: { ...process.env, ARL_NETWORK_LOG: log } });
    expect(r.stdout.trim()).toBe('5');
    expect(readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('BLOCKED'))).toEqual([
      'BLOCKED fetch',
      'BLOCKED http.get',
      'BLOCKED dns.lookup',
      'BLOCKED net.connect',
      'BLOCKED child_process.execSync',
    ]);
  });
});

describe('no network access', () => {
  const lintRuns: [string, string[]][] = [
    ['stylish', ['notes']],
    ['json', ['--format', 'json', 'notes']],
    ['sarif', ['--format', 'sarif', 'notes']],
    ['junit and github', ['--format', 'junit', 'notes']],
    ['--fix-dry-run', ['--fix-dry-run', '--format', 'json', 'notes']],
    ['--cache', ['--cache', '--cache-location', 'cache-dir/', '--format', 'json', 'notes']],
    ['--list-rules', ['--list-rules']],
    ['--explain', ['--explain', 'mixed-race']],
    ['--version', ['--version']],
    ['--help', ['--help']],
  ];
  for (const [name, args] of lintRuns) {
    it(`lint ${name}: same exit code and output, no attempt`, () => {
      const { run, attempts, threads } = guarded(args);
      expect(attempts).toEqual([]);
      expect(threads).toContain('loaded thread 0');
      expect(run.stderr).not.toMatch(STACK_LINE);
      const without = plain(args);
      expect(run.code).toBe(without.code);
      expect(run.stdout).toBe(without.stdout);
    });
  }

  it('lint --fix writes the same fixed files', () => {
    writeFileSync(join(project.dir, 'fix-me.txt'), 'Mother is mixed race.\n');
    const { run, attempts } = guarded(['--fix', 'fix-me.txt']);
    expect(attempts).toEqual([]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(project.dir, 'fix-me.txt'), 'utf8')).toBe('Mother is of dual heritage.\n');
  });

  it('audit with every output, in worker threads, and merge-reports', () => {
    for (const folder of ['out', 'out-plain']) mkdirSync(join(project.dir, folder), { recursive: true });
    const args = ['audit', '--jobs', '2', '--no-progress', '--summary', 'out/summary.csv', '--report', 'out/report.html', '--format', 'json', '--output', 'out/results.json', 'exports', 'notes'];
    const { run, attempts, threads } = guarded(args);
    expect(attempts).toEqual([]);
    // The guard was installed in the main thread and in the workers.
    expect(new Set(threads).size).toBeGreaterThan(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    for (const file of ['summary.csv', 'report.html', 'results.json']) expect(existsSync(join(project.dir, 'out', file)), file).toBe(true);
    const without = plain(args.map((a) => a.replace(/^out\//, 'out-plain/')));
    expect(run.code).toBe(without.code);
    expect(readFileSync(join(project.dir, 'out', 'summary.csv'), 'utf8')).toBe(readFileSync(join(project.dir, 'out-plain', 'summary.csv'), 'utf8'));
    const merged = guarded(['merge-reports', '--summary', 'out/merged.csv', 'out/results.json']);
    expect(merged.attempts).toEqual([]);
    expect(merged.run.stderr).not.toMatch(STACK_LINE);
  }, 120_000);
});

describe('dependencies', () => {
  it('include no update notifier, telemetry or analytics package', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const production = Object.entries(lock.packages)
      .filter(([path, info]) => path.startsWith('node_modules/') && !info.dev)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    const phoneHome = /^(update-notifier|simple-update-notifier|update-check|configstore|is-online|latest-version|package-json|registry-url|insight|universal-analytics|@segment\/.*|analytics-node|posthog-node|@sentry\/.*|newrelic|applicationinsights|node-fetch|axios|got|undici|ws)$/;
    expect(production.filter((name) => phoneHome.test(name))).toEqual([]);
  });
});
