import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, lstatSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, tempProject } from '../helpers/cli.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const crlfWithBom = Buffer.concat([BOM, Buffer.from('Referral.\r\nMixed race boy, 6.\r\nMother is mixed race; father is from Accra.\r\n')]);
const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Father is mixed race.\r\n', 'utf16le')]);
// Windows-1252 bytes (0x92 is a curly apostrophe there) are not UTF-8: fixing would destroy them.
const latin = Buffer.from([...Buffer.from('Mother\x92s partner is mixed race.\n', 'latin1')]);

const project = tempProject({
  'records/referral.txt': crlfWithBom,
  'records/utf16.txt': utf16,
  'records/legacy.txt': latin,
  'records/clean.md': '# Visit\n\nRiley is of dual heritage.\n',
  'dry/note.md': '# Note\n\nThe child is mixed race.\n',
  'diff/a.txt': 'Line one.\nShe is mixed race.\nLine three.\n',
  'diff/clean.txt': 'Nothing to see.\n',
  'fault/a.txt': 'He is mixed race.\n',
  'fault/b.txt': 'She is mixed race.\n',
  'links/real.txt': 'They are mixed race.\n',
});
afterAll(project.cleanup);
const at = (p: string) => join(project.dir, p);

/** A module loaded with --import into the CLI's process that injects a fault at a chosen fs call. */
function faultInjector(name: string, body: string): string {
  const path = at(`${name}.mjs`);
  writeFileSync(path, `import fs from 'node:fs';\nimport { syncBuiltinESMExports } from 'node:module';\n${body}\nsyncBuiltinESMExports();\n`);
  return `--import=${pathToFileURL(path).href}`;
}

/** `git apply` (outside a repository it works like patch -p1, but refuses a context line that does not match exactly). */
function gitApply(cwd: string, patch: string) {
  return spawnSync('git', ['apply', '-'], { cwd, input: patch, encoding: 'utf8' });
}

describe('--fix', () => {
  it('fixes a CRLF file with a byte-order mark in place, keeping the mark, the CRLFs and the mode', () => {
    chmodSync(at('records/referral.txt'), 0o640);
    const r = runCli(['--fix', '--format', 'json', 'records/referral.txt'], { cwd: project.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = readFileSync(at('records/referral.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([...BOM]);
    expect(bytes.subarray(3).toString('utf8')).toBe('Referral.\r\nDual heritage boy, 6.\r\nMother is of dual heritage; father is from Accra.\r\n');
    expect(statSync(at('records/referral.txt')).mode & 0o777).toBe(0o640);
    const [result] = JSON.parse(r.stdout);
    expect(result.messages).toEqual([]);
    // The fixed text was written, not printed: --fix does not copy the record into the report.
    expect(result.output).toBeUndefined();
  });

  it('is idempotent: a second run changes nothing and finds nothing', () => {
    const before = readFileSync(at('records/referral.txt'));
    const mtime = statSync(at('records/referral.txt')).mtimeMs;
    const r = runCli(['--fix', 'records/referral.txt'], { cwd: project.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(at('records/referral.txt')).equals(before)).toBe(true);
    expect(statSync(at('records/referral.txt')).mtimeMs).toBe(mtime);
  });

  it('keeps UTF-16 (with its mark) as UTF-16', () => {
    const r = runCli(['--fix', 'records/utf16.txt'], { cwd: project.dir });
    expect(r.code).toBe(0);
    const bytes = readFileSync(at('records/utf16.txt'));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toBe('Father is of dual heritage.\r\n');
  });

  it('does not fix a file that is not UTF-8 or UTF-16, and says why', () => {
    const r = runCli(['--fix', 'records/legacy.txt'], { cwd: project.dir });
    expect(readFileSync(at('records/legacy.txt')).equals(latin)).toBe(true);
    expect(r.stderr).toContain('records/legacy.txt is not valid UTF-8 or UTF-16: not fixed');
    expect(r.stdout).toContain('mixed-race');
  });

  it('leaves no temporary files behind', () => {
    expect(readdirSync(at('records')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fixes the file a symbolic link points to and keeps the link', () => {
    symlinkSync('real.txt', at('links/link.txt'));
    const r = runCli(['--fix', 'links/link.txt'], { cwd: project.dir });
    expect(r.code).toBe(0);
    expect(lstatSync(at('links/link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(at('links/real.txt'), 'utf8')).toBe('They are of dual heritage.\n');
  });

  it('refuses to overwrite a file that changed on disk after it was read (exit 2), and fixes the others', () => {
    // The fault: while the fixed a.txt is being flushed to its temporary file, "another editor" saves a.txt.
    const injector = faultInjector(
      'touch-during-write',
      `const fsync = fs.fsyncSync;
       fs.fsyncSync = (fd) => { fsync(fd); if (!globalThis.touched) { globalThis.touched = true; fs.appendFileSync(${JSON.stringify(at('fault/a.txt'))}, 'Added by someone else.\\n'); } };`,
    );
    const r = runCli(['--fix', 'fault'], { cwd: project.dir, env: { NODE_OPTIONS: injector } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fault/a.txt changed on disk while it was being fixed; not overwritten');
    expect(readFileSync(at('fault/a.txt'), 'utf8')).toBe('He is mixed race.\nAdded by someone else.\n');
    expect(readFileSync(at('fault/b.txt'), 'utf8')).toBe('She is of dual heritage.\n');
    expect(readdirSync(at('fault')).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('an interrupted write (the disk fills up) leaves the record whole and no temporary file', () => {
    writeFileSync(at('fault/c.txt'), 'Mother is mixed race.\n');
    const injector = faultInjector('disk-full', `fs.writeSync = () => { const e = new Error('no space left on device'); e.code = 'ENOSPC'; throw e; };`);
    const r = runCli(['--fix', 'fault/c.txt'], { cwd: project.dir, env: { NODE_OPTIONS: injector } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write fault/c.txt: ENOSPC');
    expect(readFileSync(at('fault/c.txt'), 'utf8')).toBe('Mother is mixed race.\n');
    expect(readdirSync(at('fault')).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing and puts the fixed text in the JSON output field', () => {
    const r = runCli(['--fix-dry-run', '--format', 'json', 'dry'], { cwd: project.dir });
    expect(r.code).toBe(0);
    const [result] = JSON.parse(r.stdout);
    expect(result.output).toBe('# Note\n\nThe child is of dual heritage.\n');
    expect(result.messages).toEqual([]);
    expect(readFileSync(at('dry/note.md'), 'utf8')).toBe('# Note\n\nThe child is mixed race.\n');
  });

  it('has no output field when there is nothing to fix', () => {
    const [result] = JSON.parse(runCli(['--fix-dry-run', '-f', 'json', 'records/clean.md'], { cwd: project.dir }).stdout);
    expect(result).not.toHaveProperty('output');
  });

  it('cannot be combined with --fix', () => {
    const r = runCli(['--fix', '--fix-dry-run', 'dry'], { cwd: project.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fix and --fix-dry-run cannot be used together');
  });
});

describe('--diff', () => {
  it('prints a unified diff that git apply takes, writes nothing, and exits 1 when there is something to fix', () => {
    const r = runCli(['--diff', 'diff'], { cwd: project.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      ['--- a/diff/a.txt', '+++ b/diff/a.txt', '@@ -1,3 +1,3 @@', ' Line one.', '-She is mixed race.', '+She is of dual heritage.', ' Line three.', ''].join('\n'),
    );
    expect(readFileSync(at('diff/a.txt'), 'utf8')).toBe('Line one.\nShe is mixed race.\nLine three.\n');
    // The diff is a real patch: applied to a copy, it gives what --fix would write.
    const copy = tempProject({ 'diff/a.txt': readFileSync(at('diff/a.txt')) });
    try {
      const patch = gitApply(copy.dir, r.stdout);
      expect(patch.status).toBe(0);
      expect(readFileSync(join(copy.dir, 'diff/a.txt'), 'utf8')).toBe('Line one.\nShe is of dual heritage.\nLine three.\n');
    } finally {
      copy.cleanup();
    }
  });

  it('gives a patch that applies to a CRLF file with a byte-order mark, keeping both', () => {
    const original = Buffer.concat([BOM, Buffer.from('Referral.\r\nFather is mixed race.\r\n')]);
    const copy = tempProject({ 'r.txt': original });
    try {
      const r = runCli(['--diff', 'r.txt'], { cwd: copy.dir });
      expect(readFileSync(join(copy.dir, 'r.txt')).equals(original)).toBe(true);
      const patch = gitApply(copy.dir, r.stdout);
      expect(patch.status).toBe(0);
      expect(readFileSync(join(copy.dir, 'r.txt')).equals(Buffer.concat([BOM, Buffer.from('Referral.\r\nFather is of dual heritage.\r\n')]))).toBe(true);
    } finally {
      copy.cleanup();
    }
  });

  it('prints nothing and exits 0 when there is nothing to fix', () => {
    const r = runCli(['--diff', 'diff/clean.txt'], { cwd: project.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('still writes the report when --output-file is given', () => {
    const r = runCli(['--diff', '-f', 'json', '-o', 'out/diff-report.json', 'diff/a.txt'], { cwd: project.dir });
    expect(r.stdout).toContain('+She is of dual heritage.');
    const [result] = JSON.parse(readFileSync(at('out/diff-report.json'), 'utf8'));
    expect(result.filePath).toBe(at('diff/a.txt'));
  });
});
