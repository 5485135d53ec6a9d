import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempProject } from '../helpers/cli.js';
import { startServer } from './fixture.js';

/** Starts `anti-racist-lint serve` and resolves with the address it prints; the caller stops it. */
async function spawnServe(args: string[], env: Record<string, string> = {}): Promise<{ url: string; stdout: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = stdout.match(/http:\/\/\S+\//);
      if (match) resolve(match[0]);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => reject(new Error(chunk)));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return {
    url,
    get stdout() {
      return stdout;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

describe('anti-racist-lint serve', () => {
  it('prints its 127.0.0.1 address and serves the page and the API there', async () => {
    const serve = await spawnServe(['--port', '0']);
    try {
      expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(serve.stdout).toMatch(/stays on this computer/);
      const page = await fetch(serve.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Draft checker');
      const lint = await fetch(new URL('/api/lint', serve.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Mother is mixed race.', filename: 'draft.md' }),
      });
      const { messages } = (await lint.json()) as { messages: { ruleId: string }[] };
      expect(messages.map((m) => m.ruleId)).toContain('mixed-race');
      // Nothing about the request (let alone the text) is printed.
      expect(serve.stdout).not.toMatch(/mixed race|api\/lint|POST/);
    } finally {
      await serve.stop();
    }
  });

  it('uses the configuration, as linting does (--config)', async () => {
    const project = tempProject({ 'strict.json': JSON.stringify({ rules: { 'mixed-race': 'error' } }) });
    const serve = await spawnServe(['--port', '0', '--config', `${project.dir}/strict.json`]);
    try {
      const lint = await fetch(new URL('/api/lint', serve.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Mother is mixed race.' }),
      });
      const { messages } = (await lint.json()) as { messages: { ruleId: string; severity: number }[] };
      expect(messages.find((m) => m.ruleId === 'mixed-race')?.severity).toBe(2);
    } finally {
      await serve.stop();
      project.cleanup();
    }
  });

  it.skipIf(process.platform !== 'linux')('--open hands the address to the system opener (xdg-open)', async () => {
    const project = tempProject({ 'bin/xdg-open': '#!/bin/sh\necho "$1" > "$(dirname "$0")/opened"\n' });
    chmodSync(join(project.dir, 'bin/xdg-open'), 0o755);
    const serve = await spawnServe(['--port', '0', '--open'], { PATH: `${join(project.dir, 'bin')}:${process.env.PATH}` });
    try {
      await expect.poll(() => existsSync(join(project.dir, 'bin/opened')) && readFileSync(join(project.dir, 'bin/opened'), 'utf8')).toBe(`${serve.url}\n`);
    } finally {
      await serve.stop();
      project.cleanup();
    }
  });

  it('says clearly when the port is taken (exit 2)', async () => {
    const running = await startServer();
    try {
      const port = new URL(running.url).port;
      const r = runCli(['serve', '--port', port]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`anti-racist-lint: port ${port} is already in use: try --port ${Number(port) + 1}, or --port 0 for any free port\n`);
    } finally {
      await running.close();
    }
  });

  it('rejects a port that is not a number', () => {
    const r = runCli(['serve', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port expects a number from 0 to 65535, got "eighty"/);
  });

  it('is listed in --help', () => {
    expect(runCli(['--help']).stdout).toMatch(/serve \[options\]\s+start the draft checker page/);
    expect(runCli(['serve', '--help']).stdout).toMatch(/--port <n>[\s\S]*--open/);
  });
});
