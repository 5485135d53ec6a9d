import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, watch, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, tempProject } from '../helpers/cli.js';
import { PRELOAD, runCliBounded, startCli, STACK_LINE, stderrLines, isRoot } from './support.js';

/**
 * Case records are irreplaceable: whatever happens during --fix, each file is either exactly as it was or
 * fully fixed, never truncated or half-written, and no temporary copy of its text outlives the next run.
 */
const project = tempProject({});
afterAll(project.cleanup);

const ENTRY = (k: number) => `Entry ${k}: Mother is mixed race and the family is settled in the area.\n`;
const RECORD = (lines: number) => Array.from({ length: lines }, (_, k) => ENTRY(k)).join('');

const temporaries = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));
const contents = (dir: string) => Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));

/** A folder of records and, beside it, the same records fixed by an uninterrupted run. */
function recordsWithExpectedFixes(name: string, files: number, lines: number) {
  const dir = join(project.dir, name);
  mkdirSync(dir);
  for (let i = 0; i < files; i++) writeFileSync(join(dir, `record-${String(i).padStart(2, '0')}.txt`), RECORD(lines));
  const expectedDir = join(project.dir, `${name}-expected`);
  cpSync(dir, expectedDir, { recursive: true });
  const full = runCliBounded(['--fix', '--format', 'json', expectedDir], { timeoutMs: 120_000 });
  expect(full.code).toBe(0);
  return { dir, original: contents(dir), expected: contents(expectedDir) };
}

function expectEachOriginalOrFixed(dir: string, original: Record<string, string>, expected: Record<string, string>) {
  const now = contents(dir);
  expect(Object.keys(now).sort()).toEqual(Object.keys(original).sort());
  let fixed = 0;
  for (const [name, text] of Object.entries(now)) {
    expect([original[name], expected[name]], `${name} is the original or fully fixed (${text.length} chars)`).toContain(text);
    if (text === expected[name]) fixed++;
  }
  return fixed;
}

describe('--fix killed midway', () => {
  it('SIGKILL while files are being written: each file is the original or fully fixed; the next run finishes and leaves no temporary file', async () => {
    const { dir, original, expected } = recordsWithExpectedFixes('killed', 12, 2_500);
    const child = startCli(['--fix', dir]);
    // Kill as soon as the first temporary file appears: in the middle of writing the first fixed record.
    const watcher = watch(dir, (_event, name) => {
      if (name && String(name).endsWith('.tmp')) child.kill('SIGKILL');
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    watcher.close();
    expect(signal).toBe('SIGKILL');
    const fixedBeforeKill = expectEachOriginalOrFixed(dir, original, expected);
    expect(fixedBeforeKill, 'the run was stopped before it finished').toBeLessThan(Object.keys(original).length);

    const again = runCliBounded(['--fix', dir], { timeoutMs: 120_000 });
    expect(again.code).toBe(0);
    expect(contents(dir)).toEqual(expected);
    expect(temporaries(dir)).toEqual([]);
  }, 240_000);

  it('a crash in the middle of writing a temporary file (injected) leaves the original intact; the leftover is removed by the next run', () => {
    const dir = join(project.dir, 'crash');
    mkdirSync(dir);
    const text = RECORD(400);
    writeFileSync(join(dir, 'visit.txt'), text);
    const r = runCliBounded(['--fix', 'visit.txt'], {
      cwd: dir,
      preload: [PRELOAD.ioFaults],
      env: { ARL_FAULTS: JSON.stringify({ write: { match: 'visit.txt.', code: 'SIGKILL', after: 4096 } }) },
      timeoutMs: 60_000,
    });
    expect(r.signal).toBe('SIGKILL');
    expect(readFileSync(join(dir, 'visit.txt'), 'utf8')).toBe(text);
    const [leftover] = temporaries(dir);
    expect(leftover, 'the killed write left its temporary file').toMatch(/^\.visit\.txt\.\d+\.[0-9a-f]{8}\.tmp$/);
    expect(readFileSync(join(dir, leftover)).length).toBe(4096);

    const again = runCliBounded(['--fix', 'visit.txt'], { cwd: dir, timeoutMs: 60_000 });
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'visit.txt'), 'utf8')).toBe(text.replaceAll('is mixed race', 'is of dual heritage'));
    expect(temporaries(dir)).toEqual([]);
  }, 120_000);
});

describe('disk full during --fix', () => {
  it('an injected ENOSPC: exit 2, one line naming the file, original untouched, no temporary file, other files fixed', () => {
    const dir = join(project.dir, 'enospc');
    mkdirSync(dir);
    writeFileSync(join(dir, 'visit.txt'), RECORD(50));
    writeFileSync(join(dir, 'other.txt'), 'Mother is mixed race.\n');
    const r = runCliBounded(['--fix', '.'], {
      cwd: dir,
      preload: [PRELOAD.ioFaults],
      env: { ARL_FAULTS: JSON.stringify({ write: { match: 'visit.txt.', code: 'ENOSPC', after: 100 } }) },
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(stderrLines(r.stderr)).toEqual(['anti-racist-lint: cannot write visit.txt: ENOSPC, no space left on the device; the file is unchanged']);
    expect(readFileSync(join(dir, 'visit.txt'), 'utf8')).toBe(RECORD(50));
    expect(readFileSync(join(dir, 'other.txt'), 'utf8')).toBe('Mother is of dual heritage.\n');
    expect(temporaries(dir)).toEqual([]);
  });

  it('--output-file on a full disk: exit 2 in one line, no partial report', () => {
    const dir = join(project.dir, 'report-full');
    mkdirSync(dir);
    writeFileSync(join(dir, 'visit.txt'), 'Mother is mixed race.\n');
    const r = runCliBounded(['--format', 'json', '--output-file', 'report.json', 'visit.txt'], {
      cwd: dir,
      preload: [PRELOAD.ioFaults],
      env: { ARL_FAULTS: JSON.stringify({ write: { match: 'report.json', code: 'ENOSPC', after: 10 } }) },
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(stderrLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('ENOSPC');
    expect(readdirSync(dir).sort()).toEqual(['visit.txt']);
  });

  /** A real full disk: a 256 kB tmpfs in a private mount namespace (needs root and unshare). */
  const canMount = isRoot() && spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt && umount /mnt'], { stdio: 'ignore' }).status === 0;

  it.runIf(canMount)('a real full disk (tmpfs): exit 2, original byte-identical, no temporary file left', () => {
    const mountPoint = join(project.dir, 'tiny-disk');
    mkdirSync(mountPoint);
    // 150 kB of records fits in 256 kB, but the fixed copy written beside it does not.
    const record = RECORD(2_100);
    writeFileSync(join(project.dir, 'big-record.txt'), record);
    const script = [
      'set -e',
      `mount -t tmpfs -o size=256k tmpfs "${mountPoint}"`,
      `cp "${join(project.dir, 'big-record.txt')}" "${mountPoint}/visit.txt"`,
      'set +e',
      `(cd "${mountPoint}" && "${process.execPath}" "${BIN}" --fix visit.txt >/dev/null 2>"${join(project.dir, 'disk-full.err')}")`,
      'echo "exit=$?"',
      `cmp -s "${join(project.dir, 'big-record.txt')}" "${mountPoint}/visit.txt" && echo same || echo changed`,
      `ls -A "${mountPoint}"`,
    ].join('\n');
    const r = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(['exit=2', 'same', 'visit.txt']);
    const stderr = readFileSync(join(project.dir, 'disk-full.err'), 'utf8');
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stderrLines(stderr)).toEqual(['anti-racist-lint: cannot write visit.txt: ENOSPC, no space left on the device; the file is unchanged']);
  }, 150_000);
});
