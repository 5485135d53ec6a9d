import { chmodSync, mkdirSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { canDropPrivileges, NOBODY, openUp, PRELOAD, runCliBounded, STACK_LINE, stderrLines } from './support.js';

/**
 * Every kind of bad input gets one clear line on stderr naming the file, a defined exit code and no stack
 * trace, and the other files of the run are still linted and reported. Each run lints `good.txt` beside the
 * bad input to prove the rest of the run went on.
 */
const GOOD = 'Home visit.\nMother is mixed race.\n';
const project = tempProject({ 'good.txt': GOOD });
afterAll(project.cleanup);
const dir = project.dir;

/** Writes a file into the project (bytes exactly as given). */
function put(path: string, content: string | Buffer): string {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), content);
  return path;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[];
}

function lintJson(args: string[], options: Parameters<typeof runCliBounded>[1] = {}) {
  const run = runCliBounded(['--format', 'json', ...args], { cwd: dir, timeoutMs: 60_000, ...options });
  expect(run.timedOut, 'the run must not hang').toBe(false);
  expect(run.stderr).not.toMatch(STACK_LINE);
  const results = JSON.parse(run.stdout) as JsonResult[];
  const byName = (name: string) => results.find((r) => r.filePath.endsWith(`/${name}`) || r.filePath === name);
  return { ...run, results, byName };
}

/** The good file was linted and its finding reported at the right place. */
function expectGoodFileReported(byName: (name: string) => JsonResult | undefined): void {
  const good = byName('good.txt');
  expect(good, 'good.txt is still linted').toBeDefined();
  expect(good!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['mixed-race@2:11']);
}

const positions = (r: JsonResult | undefined) => (r?.messages ?? []).filter((m) => m.ruleId === 'mixed-race').map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`);

describe('paths that do not exist', () => {
  it('a missing file: exit 2, one line naming it, the other files still linted', () => {
    const r = lintJson(['good.txt', 'no-such-note.txt']);
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr)).toEqual(['anti-racist-lint: no-such-note.txt: no such file or folder (ENOENT)']);
    expectGoodFileReported(r.byName);
  });

  it('a glob that matches nothing: exit 2 naming the pattern', () => {
    const r = lintJson(['archive/**/*.txt', 'good.txt']);
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr)).toEqual(['anti-racist-lint: archive/**/*.txt: no files match this pattern']);
    expectGoodFileReported(r.byName);
  });
});

describe('folders', () => {
  it('a folder with symbolic-link loops is walked once and finishes', () => {
    put('looped/visit.txt', 'Mother is mixed race.');
    symlinkSync('.', join(dir, 'looped', 'self'));
    mkdirSync(join(dir, 'looped', 'a', 'b'), { recursive: true });
    symlinkSync('../..', join(dir, 'looped', 'a', 'b', 'up'));
    symlinkSync('loop-1.txt', join(dir, 'looped', 'loop-2.txt'));
    symlinkSync('loop-2.txt', join(dir, 'looped', 'loop-1.txt'));
    const r = lintJson(['looped', 'good.txt']);
    expect(r.results.filter((x) => x.filePath.endsWith('visit.txt'))).toHaveLength(1);
    expect(positions(r.byName('visit.txt'))).toEqual(['1:11-1:21']);
    // The two links that point at each other cannot be read; each is named once.
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr).sort()).toEqual([
      'anti-racist-lint: looped/loop-1.txt: cannot open: too many levels of symbolic links (a link loop) (ELOOP)',
      'anti-racist-lint: looped/loop-2.txt: cannot open: too many levels of symbolic links (a link loop) (ELOOP)',
    ]);
    expectGoodFileReported(r.byName);
  });

  it('a folder named explicitly that is empty lints nothing and succeeds', () => {
    mkdirSync(join(dir, 'empty-folder'));
    const r = lintJson(['empty-folder']);
    expect(r.code).toBe(0);
    expect(r.results).toEqual([]);
    expect(r.stderr).toBe('');
  });
});

describe('files that cannot be read', () => {
  it('a named pipe called notes.txt is skipped without blocking (in a folder and named explicitly)', () => {
    execFileSync('mkfifo', [join(dir, 'pipes', 'notes.txt')].map((p) => (mkdirSync(join(p, '..'), { recursive: true }), p)));
    const r = lintJson(['pipes', 'pipes/notes.txt', 'good.txt'], { timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr)).toEqual(['anti-racist-lint: pipes/notes.txt: not a regular file (a named pipe)']);
    expectGoodFileReported(r.byName);
  });

  it('a disk error while reading (injected EIO) names the file and the others are linted', () => {
    put('disk-error.txt', 'Mother is mixed race.');
    const r = lintJson(['disk-error.txt', 'good.txt'], { preload: [PRELOAD.ioFaults], env: { ARL_FAULTS: JSON.stringify({ read: { match: 'disk-error', code: 'EIO' } }) } });
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr)).toEqual(['anti-racist-lint: disk-error.txt: cannot read: input/output error (the disk or network share failed) (EIO)']);
    expectGoodFileReported(r.byName);
  });

  it.runIf(canDropPrivileges())('a file without read permission (chmod 000, run as an unprivileged user)', () => {
    const locked = tempProject({ 'good.txt': GOOD, 'locked.txt': 'Mother is mixed race.', 'sealed/inside.txt': 'x' });
    try {
      openUp(locked.dir);
      chmodSync(join(locked.dir, 'locked.txt'), 0o000);
      chmodSync(join(locked.dir, 'sealed'), 0o000);
      const r = runCliBounded(['--format', 'json', 'locked.txt', 'sealed', 'good.txt'], { cwd: locked.dir, asUser: NOBODY, timeoutMs: 30_000, env: { HOME: locked.dir } });
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.code).toBe(2);
      expect(stderrLines(r.stderr).sort()).toEqual([
        'anti-racist-lint: locked.txt: cannot open: permission denied (EACCES)',
        'anti-racist-lint: sealed: cannot read folder: permission denied (EACCES)',
      ]);
      const results = JSON.parse(r.stdout) as JsonResult[];
      expect(results.map((x) => x.filePath.split('/').pop())).toEqual(['good.txt']);
      expect(positions(results[0])).toEqual(['2:11-2:21']);
    } finally {
      chmodSync(join(locked.dir, 'sealed'), 0o755);
      locked.cleanup();
    }
  });

  it('a file larger than the limit is skipped with its size (sparse file, no disk used)', () => {
    const fd = openSync(join(dir, 'huge.txt'), 'w');
    ftruncateSync(fd, 40 * 1024 * 1024);
    closeSync(fd);
    const r = lintJson(['huge.txt', 'good.txt']);
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr)).toEqual(['anti-racist-lint: huge.txt: too large to lint (40 MB; the limit is 32 MB)']);
    expectGoodFileReported(r.byName);
  });
});

describe('content that is not ordinary UTF-8 text', () => {
  it('binary files are detected and skipped with a message naming what they are', () => {
    put('scan.txt', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 7)]));
    put('letter.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...Buffer.from('word/document.xml')]));
    put('photo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    put('random.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const r = lintJson(['scan.txt', 'letter.txt', 'photo.md', 'random.txt', 'good.txt']);
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr).sort()).toEqual([
      'anti-racist-lint: letter.txt: skipped: a ZIP archive (Word .docx, .xlsx, .odt and similar), not text',
      'anti-racist-lint: photo.md: skipped: a PNG image, not text',
      'anti-racist-lint: random.txt: skipped: binary data (many control bytes), not text',
      'anti-racist-lint: scan.txt: skipped: a PDF document, not text',
    ]);
    expect(r.results.map((x) => x.filePath.split('/').pop())).toEqual(['good.txt']);
    expectGoodFileReported(r.byName);
  });

  it('an empty file is linted (no findings, no message, exit 0)', () => {
    put('empty.txt', '');
    put('empty.md', '');
    const r = lintJson(['empty.txt', 'empty.md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.results.map((x) => [x.filePath.split('/').pop(), x.messages.length])).toEqual([
      ['empty.md', 0],
      ['empty.txt', 0],
    ]);
  });

  it('invalid UTF-8 is linted with U+FFFD, counted in a warning, and later columns stay right', () => {
    // \xff is one bad byte; \xe2\x82 is a truncated three-byte sequence: each shows as one U+FFFD.
    put('damaged.txt', Buffer.concat([Buffer.from('Caf'), Buffer.from([0xff]), Buffer.from(' and '), Buffer.from([0xe2, 0x82]), Buffer.from(' Mother is mixed race.\nMixed race\n')]));
    const r = lintJson(['damaged.txt', 'good.txt']);
    expect(r.code).toBe(0);
    expect(stderrLines(r.stderr)).toEqual(['anti-racist-lint: damaged.txt: warning: not valid UTF-8: 2 invalid byte sequences read as U+FFFD (positions count each as one character)']);
    // "Caf� and � Mother is " is 21 characters, so "mixed race" starts in column 22.
    expect(positions(r.byName('damaged.txt'))).toEqual(['1:22-1:32', '2:1-2:11']);
    expectGoodFileReported(r.byName);
  });

  const SAMPLE = 'Home visit.\r\nMother is mixed race.';
  const encodings: [string, Buffer][] = [
    ['utf-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])],
    ['UTF-16 LE with a mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')])],
    ['UTF-16 BE with a mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SAMPLE, 'utf16le').swap16()])],
    ['UTF-16 LE without a mark', Buffer.from(SAMPLE, 'utf16le')],
  ];
  for (const [name, bytes] of encodings) {
    it(`${name} is decoded and positions match the UTF-8 file`, () => {
      const file = put(`${name.replace(/\W+/g, '-')}.txt`, bytes);
      const r = lintJson([file]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(positions(r.results[0])).toEqual(['2:11-2:21']);
    });
  }

  it('a byte-order mark does not shift first-line columns', () => {
    const file = put('bom-first-line.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Mother is mixed race.')]));
    expect(positions(lintJson([file]).results[0])).toEqual(['1:11-1:21']);
  });

  it('CRLF, lone CR and mixed line endings give the line numbers an editor shows', () => {
    put('crlf.txt', 'One.\r\nTwo.\r\nMother is mixed race.\r\n');
    put('cr.txt', 'One.\rTwo.\rMother is mixed race.\r');
    put('mixed-endings.txt', 'One.\nTwo.\r\n\rMother is mixed race.\n');
    const r = lintJson(['crlf.txt', 'cr.txt', 'mixed-endings.txt']);
    expect(positions(r.byName('crlf.txt'))).toEqual(['3:11-3:21']);
    expect(positions(r.byName('cr.txt'))).toEqual(['3:11-3:21']);
    expect(positions(r.byName('mixed-endings.txt'))).toEqual(['4:11-4:21']);
  });

  it('stray NUL bytes do not make a text file binary, and positions count them', () => {
    put('nul.txt', 'Export\u0000\u0000 row 1.\nMother\u0000 is mixed race.\u0000\n');
    const r = lintJson(['nul.txt']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(positions(r.results[0])).toEqual(['2:12-2:22']);
  });
});

describe('configuration problems: exit 2, one line naming the file and the problem', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['broken JSON', { '.anti-racist-lintrc.json': '{ "rules": { "mixed-race": "warn", }' }, /^anti-racist-lint: configuration error: \.anti-racist-lintrc\.json: \(file\): .*JSON/],
    ['broken YAML', { '.anti-racist-lintrc.yml': 'rules:\n  mixed-race: [warn\n' }, /^anti-racist-lint: configuration error: \.anti-racist-lintrc\.yml: \(file\): .+/],
    ['a JavaScript file that throws', { '.anti-racist-lintrc.cjs': 'throw new Error("config exploded");' }, /^anti-racist-lint: configuration error: \.anti-racist-lintrc\.cjs: \(file\): config exploded$/],
    ['a list where an object belongs', { '.anti-racist-lintrc.json': '{ "rules": ["mixed-race"] }' }, /\.anti-racist-lintrc\.json: rules: expected an object/],
    ['not an object at all', { '.anti-racist-lintrc.json': '42' }, /\.anti-racist-lintrc\.json: \(root\): expected an object/],
    ['an unknown key', { '.anti-racist-lintrc.json': '{ "rulez": {} }' }, /\.anti-racist-lintrc\.json: rulez: unknown key/],
    ['an unknown rule', { '.anti-racist-lintrc.json': '{ "rules": { "no-such-rule": "warn" } }' }, /\.anti-racist-lintrc\.json: rules\.no-such-rule: unknown rule/],
    ['a bad severity', { '.anti-racist-lintrc.json': '{ "rules": { "mixed-race": "loud" } }' }, /\.anti-racist-lintrc\.json: rules\.mixed-race: invalid severity "loud"/],
    ['a bad package.json entry', { 'package.json': '{ "name": "x", "anti-racist-lint": "strict" }' }, /package\.json: \(root\): expected an object/],
    ['an invalid custom pattern', { '.anti-racist-lintrc.json': '{ "terms": [{ "id": "x", "pattern": "(unclosed" }] }' }, /\.anti-racist-lintrc\.json: terms\[0\]\.pattern: invalid regular expression: missing closing \)/],
  ];
  for (const [name, files, expected] of cases) {
    it(name, () => {
      const p = tempProject({ ...files, 'note.txt': 'Mother is mixed race.' });
      try {
        const r = runCliBounded(['note.txt'], { cwd: p.dir, timeoutMs: 30_000 });
        expect(r.code).toBe(2);
        expect(r.stderr).not.toMatch(STACK_LINE);
        expect(stderrLines(r.stderr)).toHaveLength(1);
        expect(r.stderr.trim()).toMatch(expected);
        expect(r.stdout).toBe('');
      } finally {
        p.cleanup();
      }
    });
  }

  it('--config naming a missing file, a folder or a binary file', () => {
    put('config-folder/.keep', '');
    put('config.bin', Buffer.from([0, 1, 2, 3, 255, 254]));
    for (const [config, problem] of [
      ['missing.json', /missing\.json: \(file\): file not found/],
      ['config-folder', /config-folder: \(file\): .+/],
      ['config.bin', /config\.bin: \(file\): .+/],
    ] as const) {
      const r = runCliBounded(['--config', config, 'good.txt'], { cwd: dir, timeoutMs: 30_000 });
      expect(r.code, config).toBe(2);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(stderrLines(r.stderr), config).toHaveLength(1);
      expect(r.stderr, config).toMatch(problem);
    }
  });
});

describe('command-line mistakes: exit 2, one line, no stack trace', () => {
  const cases: [string[], RegExp][] = [
    [['--frobnicate', 'good.txt'], /unknown option '--frobnicate'/],
    [['-z', 'good.txt'], /unknown option '-z'/],
    [['--format', 'xml', 'good.txt'], /--format.*xml.*(stylish|choices)/i],
    [['--max-warnings', 'many', 'good.txt'], /--max-warnings expects a whole number, got "many"/],
    [['--rule', 'no-such-rule:warn', 'good.txt'], /--rule: unknown rule "no-such-rule"/],
    [['--rule', 'mixed-race', 'good.txt'], /--rule expects id:severity/],
    [['--explain', 'no-such-rule'], /--explain: unknown rule "no-such-rule"/],
    [['--config'], /option '-c, --config <file>' argument missing/],
    [[], /no paths given/],
  ];
  for (const [args, expected] of cases) {
    it(args.join(' ') || '(no arguments)', () => {
      const r = runCliBounded(args, { cwd: dir, timeoutMs: 30_000 });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(stderrLines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(expected);
    });
  }
});
