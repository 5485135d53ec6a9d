import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { runCliBounded, STACK_LINE } from './support.js';

/**
 * The batch audit under bad input: every record it cannot read is listed with a plain reason, the others
 * are audited, the run exits 2 and nothing hangs or prints a stack trace.
 */
const SENTENCE = 'Mother is mixed race.';
const project = tempProject({
  'good.csv': `id,text\n1,"${SENTENCE}"\n`,
  'folder/visit.txt': SENTENCE,
  'folder/scan.txt': Buffer.concat([Buffer.from('%PDF-1.5\n'), Buffer.alloc(32, 1)]),
  'empty.csv': '',
  'damaged.csv': Buffer.concat([Buffer.from('id,text\n1,"Caf'), Buffer.from([0xe9]), Buffer.from(` ${SENTENCE}"\n`)]),
});
afterAll(project.cleanup);
const dir = project.dir;
execFileSync('mkfifo', [join(dir, 'folder', 'pipe.txt')]);
execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
symlinkSync('.', join(dir, 'folder', 'loop'));

interface AuditResult {
  source: string;
  recordId: string;
  messages: { ruleId: string | null; line?: number; column?: number; message?: string }[];
}

function audit(args: string[], timeoutMs = 60_000) {
  const run = runCliBounded(['audit', '--no-progress', '--format', 'json', ...args], { cwd: dir, timeoutMs });
  expect(run.timedOut, 'the audit must not hang').toBe(false);
  expect(run.stderr).not.toMatch(STACK_LINE);
  const results = run.stdout ? (JSON.parse(run.stdout) as AuditResult[]) : [];
  const reasons = Object.fromEntries(results.filter((r) => r.messages.some((m) => m.ruleId === null)).map((r) => [r.source, r.messages.find((m) => m.ruleId === null)?.message]));
  const findings = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'mixed-race').map((m) => `${r.source}@${m.line}:${m.column}`));
  return { ...run, results, reasons, findings };
}

describe('audit: unreadable inputs are listed with a reason and the rest is audited', () => {
  it('named pipes (in a folder and named), a binary document, an empty export, a link loop', () => {
    const r = audit(['good.csv', 'folder', 'pipe.csv', 'empty.csv']);
    expect(r.code).toBe(2);
    expect(r.reasons).toEqual({
      'folder/pipe.txt': 'cannot read: not a regular file (a named pipe)',
      'folder/scan.txt': 'cannot read: skipped: a PDF document, not text',
      'pipe.csv': 'cannot read: not a regular file (a named pipe, socket or device)',
      'empty.csv': 'empty export: no header row',
    });
    expect(r.findings.sort()).toEqual(['folder/visit.txt@1:11', 'good.csv@1:11']);
  });

  it('a missing path: exit 2 naming it', () => {
    const r = runCliBounded(['audit', '--no-progress', 'no-such-export.csv'], { cwd: dir, timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toContain('no-such-export.csv');
  });

  it('an export that is not valid UTF-8 is still audited (read as Windows-1252), positions right', () => {
    const r = audit(['damaged.csv']);
    expect(r.code).toBe(0);
    expect(r.findings).toEqual(['damaged.csv@1:16']);
  });
});

describe('audit: huge and deeply nested records', () => {
  it('a 20 MB record on one line', () => {
    const unit = 'The family attended the review on Tuesday and said that the plan, which was agreed, works for us. ';
    const size = 20 * 1000 * 1000;
    const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size - SENTENCE.length - 1) + ' ' + SENTENCE;
    writeFileSync(join(dir, 'huge.csv'), `id,text\n1,"${text}"\n`);
    const r = audit(['huge.csv'], 300_000);
    expect(r.code).toBe(0);
    expect(r.findings).toEqual([`huge.csv@1:${size - SENTENCE.length + 11}`]);
  }, 320_000);

  it('Markdown nested thousands of levels deep', () => {
    mkdirSync(join(dir, 'deep'));
    writeFileSync(join(dir, 'deep', 'quotes.md'), '> '.repeat(10_000) + SENTENCE);
    writeFileSync(join(dir, 'deep', 'lists.md'), '- '.repeat(10_000) + SENTENCE);
    const r = audit(['deep'], 120_000);
    expect(r.code).toBe(0);
    expect(r.findings.sort()).toEqual(['deep/lists.md@1:20011', 'deep/quotes.md@1:20011']);
  }, 150_000);
});
