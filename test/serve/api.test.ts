import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { clauseLabel } from '../../src/engine/rule.js';
import { CLAUSE_PLAIN_WORDS } from '../../src/serve/clauses.js';
import { LINT_BODY_LIMIT } from '../../src/serve/api.js';
import { CONTENT_SECURITY_POLICY } from '../../src/serve/http.js';
import { defaultWebRoot } from '../../src/serve/static.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { makeDocx } from './docx.js';
import { startServer, type RunningServer } from './fixture.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let running: RunningServer;

beforeAll(async () => {
  running = await startServer();
});
afterAll(() => running.close());

function post(path: string, body: string | Buffer, contentType?: string): Promise<Response> {
  return fetch(new URL(path, running.url), {
    method: 'POST',
    headers: contentType ? { 'Content-Type': contentType } : {},
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
}

/** Response bodies are checked field by field below, so they are read untyped. */
const json = (response: Response): Promise<any> => response.json();

const lintJson = (value: unknown) => post('/api/lint', JSON.stringify(value), 'application/json');

/** A raw request, for headers fetch will not let a caller set (Host). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { port } = running.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('POST /api/lint', () => {
  it('answers with the same messages as --format json, without the source text', async () => {
    const text = 'Home visit.\nMother is mixed race and lives in Leeds.\n';
    const response = await lintJson({ text, filename: 'visit.txt' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await json(response);
    expect(Object.keys(body)).toEqual(['messages']);
    const mixedRace = body.messages.filter((m: { ruleId: string }) => m.ruleId === 'mixed-race');
    expect(mixedRace).toHaveLength(1);
    expect(mixedRace[0]).toMatchObject({ line: 2, column: 11, fix: { range: [22, 32], text: 'of dual heritage' } });
    expect(mixedRace[0].suggestions.length).toBeGreaterThan(0);

    const project = tempProject({ 'visit.txt': text });
    try {
      const cli = runCli(['--format', 'json', 'visit.txt'], { cwd: project.dir });
      expect(body.messages).toEqual(JSON.parse(cli.stdout)[0].messages);
    } finally {
      project.cleanup();
    }
  });

  it('uses the filename to read Markdown as Markdown (code is not linted)', async () => {
    const text = '# Visit\n\n```\nmixed race\n```\n\nMother is mixed race.\n';
    const asMarkdown = await json(await lintJson({ text, filename: 'draft.md' }));
    const asText = await json(await lintJson({ text, filename: 'draft.txt' }));
    const lines = (r: { messages: { ruleId: string; line: number }[] }) => r.messages.filter((m) => m.ruleId === 'mixed-race').map((m) => m.line);
    expect(lines(asMarkdown)).toEqual([7]);
    expect(lines(asText)).toEqual([4, 7]);
  });

  it('answers an empty or blank text with no messages', async () => {
    for (const text of ['', '   \n\n  ']) {
      const response = await lintJson({ text, filename: 'draft.md' });
      expect(response.status).toBe(200);
      expect(await json(response)).toEqual({ messages: [] });
    }
  });

  it('defaults the filename when it is missing', async () => {
    const response = await lintJson({ text: 'Mother is mixed race.' });
    expect(response.status).toBe(200);
    expect((await json(response)).messages.some((m: { ruleId: string }) => m.ruleId === 'mixed-race')).toBe(true);
  });

  it('refuses a body over the limit with 413 and a message saying so', async () => {
    const text = 'Mother is mixed race. '.repeat(Math.ceil(LINT_BODY_LIMIT / 22) + 10);
    const response = await lintJson({ text, filename: 'draft.txt' });
    expect(response.status).toBe(413);
    expect((await json(response)).error).toMatch(/too large.*1 MB/);
  });

  it('accepts a body just under the limit', async () => {
    const text = 'The family met at the centre. '.repeat(Math.floor((LINT_BODY_LIMIT - 100) / 30));
    const response = await lintJson({ text, filename: 'draft.txt' });
    expect(response.status).toBe(200);
  });

  it('refuses other content types with 415', async () => {
    const body = JSON.stringify({ text: 'Mother is mixed race.' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const response = await post('/api/lint', body, type);
      expect(response.status).toBe(415);
      expect((await json(response)).error).toMatch(/Expected Content-Type application\/json/);
    }
    expect((await post('/api/lint', body, 'application/json; charset=utf-8')).status).toBe(200);
  });

  it('refuses invalid JSON and the wrong shape with 400', async () => {
    const cases: [string, RegExp][] = [
      ['{"text": "Mother is', /not valid JSON/],
      ['', /not valid JSON/],
      ['["Mother is mixed race."]', /Expected a JSON object/],
      ['"Mother is mixed race."', /Expected a JSON object/],
      ['{"text": 42}', /"text" must be a string/],
      ['{"text": "a", "filename": ["x"]}', /"filename" must be a string/],
    ];
    for (const [body, error] of cases) {
      const response = await post('/api/lint', body, 'application/json');
      expect(response.status, body).toBe(400);
      expect((await json(response)).error).toMatch(error);
    }
  });

  it('answers other methods with 405 and unknown paths with 404', async () => {
    expect((await fetch(new URL('/api/lint', running.url))).status).toBe(405);
    expect((await fetch(new URL('/api/nothing', running.url))).status).toBe(404);
    expect((await fetch(new URL('/../package.json', running.url))).status).toBe(404);
    expect((await fetch(new URL('/%2e%2e/package.json', running.url))).status).toBe(404);
  });
});

describe('who may use the server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect((running.server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { port } = running.server.address() as AddressInfo;
    expect((await rawGet('/', { Host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await rawGet('/', { Host: `localhost:${port}` })).status).toBe(200);
    const evil = await rawGet('/api/rules', { Host: `attacker.example:${port}` });
    expect(evil.status).toBe(403);
  });

  it('refuses requests sent by pages from other origins', async () => {
    const { port } = running.server.address() as AddressInfo;
    expect((await rawGet('/api/rules', { Host: `127.0.0.1:${port}`, Origin: 'https://attacker.example' })).status).toBe(403);
    expect((await rawGet('/api/rules', { Host: `127.0.0.1:${port}`, Origin: 'null' })).status).toBe(403);
    expect((await rawGet('/api/rules', { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });
});

describe('POST /api/extract-docx', () => {
  it('extracts the text of a Word document with mammoth', async () => {
    const docx = makeDocx(['Assessment of need', 'Mother is mixed race.']);
    const response = await post('/api/extract-docx', docx, DOCX);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ text: 'Assessment of need\n\nMother is mixed race.\n' });
  });

  it('refuses a file that is not a Word document with 422, and other content types with 415', async () => {
    const notDocx = await post('/api/extract-docx', Buffer.from('plain text, not a zip'), DOCX);
    expect(notDocx.status).toBe(422);
    expect((await json(notDocx)).error).toMatch(/could not be read as a Word document/);
    expect((await post('/api/extract-docx', makeDocx(['x']), 'application/octet-stream')).status).toBe(415);
    expect((await post('/api/extract-docx', Buffer.alloc(0), DOCX)).status).toBe(400);
  });
});

describe('the page', () => {
  it('is served with a strict Content-Security-Policy', async () => {
    const response = await fetch(running.url);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('is self-contained: no inline code and no address outside the server', async () => {
    const html = await (await fetch(running.url)).text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    const files = readdirSync(defaultWebRoot(), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const entry of files) {
      const content = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      // XML namespace names in the icon are identifiers, never fetched.
      const addresses = content.match(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"')]*/gi) ?? [];
      expect(addresses.filter((a) => !a.startsWith('http://www.w3.org/')), entry.name).toEqual([]);
      expect(content, entry.name).not.toMatch(/@import|@font-face[^}]*url\((?!['"]?\/)/);
    }
  });

  it('serves every asset the page references', async () => {
    const html = await (await fetch(running.url)).text();
    const refs = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) {
      expect(ref).toMatch(/^\//);
      const response = await fetch(new URL(ref, running.url));
      expect(response.status, ref).toBe(200);
    }
  });
});

describe('GET /api/rules', () => {
  it('describes every rule with its clauses in plain words', async () => {
    const { rules: info } = await json(await fetch(new URL('/api/rules', running.url)));
    expect(info.map((r: { id: string }) => r.id)).toEqual(rules.map((r) => r.meta.id));
    const mixedRace = info.find((r: { id: string }) => r.id === 'mixed-race');
    expect(mixedRace.clauses[0]).toMatchObject({ label: '001 §2.1', standard: expect.stringContaining('Anti-Racism Practice Standards') });
    expect(mixedRace.clauses[0].plainWords).toMatch(/dual heritage/);
  });

  it('has plain words for every clause a rule cites', () => {
    const cited = new Set(rules.flatMap((r) => r.meta.standards.map(clauseLabel)));
    expect([...cited].filter((label) => !CLAUSE_PLAIN_WORDS[label])).toEqual([]);
  });
});
