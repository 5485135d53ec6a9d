import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, tempProject } from '../helpers/cli.js';
import { buildDocx } from '../input/docx-builder.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'exports');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

interface Result {
  source: string;
  recordId: string;
  recordIndex: number;
  line?: number;
  year?: number;
  messages: { ruleId: string | null; message?: string; fatal?: true; line: number; column: number; field?: string; fix?: unknown; suggestions?: unknown }[];
  suppressedMessages: { suppressions: { kind: string; justification: string }[] }[];
  fatalErrorCount: number;
}

/** An invented export of `n` case notes: some with 'mixed race' or 'biracial', some multi-line, dated 2010-2021. */
function makeExport(n: number): string {
  const clean = ['Home visit completed; the children were playing in the garden.', 'Mum said the new bus route makes school runs easier.', 'We agreed to meet again after half term.'];
  const breach = ['Dad is mixed race and works shifts.', 'The biracial twins settled well.', 'She describes herself as "mixed race" and is proud of it.'];
  const rows = ['id,date,worker,note'];
  for (let i = 1; i <= n; i++) {
    const sentences = [clean[i % 3], i % 4 === 0 ? breach[i % 3] : clean[(i + 1) % 3]];
    const note = i % 5 === 0 ? sentences.join('\n') : sentences.join(' ');
    rows.push(`R-${String(i).padStart(4, '0')},${2010 + (i % 12)}-0${1 + (i % 9)}-15,SW${i % 7},"${note.replace(/"/g, '""')}"`);
  }
  return rows.join('\n') + '\n';
}

/** Each test runs the CLI several times on a shared machine: generous timeouts, no timing assertions. */
const SLOW = 180_000;

let project: { dir: string; cleanup: () => void };

beforeAll(async () => {
  project = tempProject({
    'exports/notes.csv': fixture('notes.csv'),
    'exports/notes-utf16.csv': fixture('notes-utf16.csv'),
    'exports/notes.jsonl': fixture('notes.jsonl'),
    'exports/referral.html': fixture('referral.html'),
    'big/export.csv': makeExport(400),
    'utf16/export.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(makeExport(300).replace(/\n/g, '\r\n'), 'utf16le')]),
    ...Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`utf16/notes/${String(i).padStart(3, '0')}.txt`, i % 7 ? 'Seen at home.\n' : 'Nan is mixed race.\n'])),
    'big/docs/visit-01.txt': 'Visit note.\nGrandad is mixed race and lives nearby.\n',
    'big/docs/visit-02.md': '# Visit\n\nThe family were seen at home.\n',
    'docs/visit.txt': 'Visit note.\nGrandad is mixed race and lives nearby.\n',
    'docs/plan.md': '# Plan\n\nRiley is of dual heritage (Jamaican and Scottish).\n\n```\nmixed race in code\n```\n',
  });
  writeFileSync(join(project.dir, 'docs', 'referral.docx'), await buildDocx([{ p: 'Kai is mixed race.' }], { footer: 'Referral R-19' }));
  symlinkSync(join(project.dir, 'nowhere.txt'), join(project.dir, 'docs', 'gone.txt'));
});
afterAll(() => project.cleanup());

// identity-details (a document rule for referrals and assessments) is not what these input tests are about.
const audit = (args: string[], env?: Record<string, string>) => runCli(['audit', '--rule', 'identity-details:off', ...args], { cwd: project.dir, env });
const read = (name: string) => readFileSync(join(project.dir, name), 'utf8');
const results = (name: string) => JSON.parse(read(name)) as Result[];
const EXPORT_OPTIONS = ['--text-column', 'note', '--text-column', 'action', '--id-column', 'note_id', '--date-column', 'date', '--text-field', 'note.body', '--id-field', 'id', '--date-field', 'date'];

describe('anti-racist-lint audit', () => {
  it('audits exports and documents, reports what it could not read, and carries on (exit 2)', () => {
    const r = audit(['exports', 'docs', ...EXPORT_OPTIONS, '--summary', 'all.csv', '--report', 'all.html', '-f', 'json', '-o', 'all.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    const all = results('all.json');
    const line = (x: Result) => `${x.source} ${x.recordId} ${x.messages.map((m) => (m.fatal ? `FAULT ${m.message}` : `${m.ruleId} ${m.field ?? ''}${m.line}:${m.column}`)).join('; ')}`;
    expect(all.map(line)).toEqual([
      'docs/gone.txt docs/gone.txt FAULT cannot read: ENOENT',
      'docs/plan.md docs/plan.md ',
      'docs/referral.docx docs/referral.docx mixed-race 1:8',
      'docs/visit.txt docs/visit.txt mixed-race 2:12',
      'exports/notes-utf16.csv N-1001 mixed-race note2:10',
      'exports/notes-utf16.csv N-1002 ',
      'exports/notes-utf16.csv N-1003 ',
      'exports/notes-utf16.csv N-1004 mixed-race note1:55; mixed-race action1:1',
      'exports/notes-utf16.csv N-1005 FAULT malformed row: 5 fields where the header has 6',
      'exports/notes-utf16.csv N-1006 ',
      'exports/notes.csv N-1001 mixed-race note2:10',
      'exports/notes.csv N-1002 ',
      'exports/notes.csv N-1003 ',
      'exports/notes.csv N-1004 mixed-race note1:55; mixed-race action1:1',
      'exports/notes.csv N-1005 FAULT malformed row: 5 fields where the header has 6',
      'exports/notes.csv N-1006 ',
      'exports/notes.jsonl J-1 mixed-race note.body1:15',
      'exports/notes.jsonl J-2 ',
      'exports/notes.jsonl #3 FAULT malformed line: not JSON (SyntaxError)',
      'exports/notes.jsonl J-4 FAULT malformed line: no "note.body" field',
      'exports/notes.jsonl J-5 ',
      'exports/referral.html exports/referral.html mixed-race 3:56; mixed-race 8:10',
    ]);
    // Words quoted from the family are exempt, and say why.
    const quoted = all.find((x) => x.recordId === 'N-1003' && x.source.endsWith('notes.csv'))!;
    expect(quoted.suppressedMessages).toHaveLength(1);
    expect(quoted.suppressedMessages[0].suppressions[0].justification).not.toBe('');
    expect(all.find((x) => x.recordId === 'N-1001')).toMatchObject({ line: 2, year: 2014 });

    const summary = read('all.csv').trimEnd().split('\r\n');
    expect(summary[0]).toMatch(/^id,source,line,year,findings,adultification,.*,mixed-race,.*,highest_severity,needs_review,fault$/);
    expect(summary).toHaveLength(all.length + 1);
    const row = (id: string) => Object.fromEntries(summary[0].split(',').map((h, i) => [h, summary.find((l) => l.startsWith(`${id},exports/notes.csv`))!.split(',')[i]]));
    expect(row('N-1004')).toMatchObject({ findings: '2', 'mixed-race': '2', highest_severity: 'warning', needs_review: 'true', fault: '' });
    expect(row('N-1002')).toMatchObject({ findings: '0', highest_severity: '', needs_review: 'false' });
    expect(row('N-1005')).toMatchObject({ highest_severity: 'error', needs_review: 'true', fault: 'malformed row: 5 fields where the header has 6' });
    expect(read('all.html')).toContain('Could not be read');
  }, SLOW);

  it('prints a short text summary by default and nothing on standard error when it is not a terminal', () => {
    const r = audit(['docs/visit.txt', 'docs/plan.md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Audited 2 records from 2 sources in [\d.]+ s/);
    expect(r.stdout).toContain('1 need review; 1 findings (0 errors, 1 warnings, 0 info); 0 could not be read.');
    expect(r.stdout).toMatch(/mixed-race\s+1 in 1 records/);
  }, SLOW);

  // util-linux `script` runs the command on a pseudo-terminal, as a person at a terminal would.
  it.skipIf(!existsSync('/usr/bin/script'))('draws a progress bar on standard error when it is a terminal', () => {
    const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} audit big --id-column id`, '/dev/null'], { cwd: project.dir, encoding: 'utf8' });
    expect(r.stdout).toMatch(/\r\[[#.]+\]\s+\d+% [\d,]+ records [\d,]+\/s (\d+:\d\d left|done)\u001b\[K/);
    expect(r.stdout).toContain('Audited 402 records');
  }, SLOW);

  it('--redact keeps record text and excerpts out of every output', () => {
    const r = audit(['exports', 'docs', ...EXPORT_OPTIONS, '--redact', '--summary', 'r.csv', '--report', 'r.html', '-f', 'json', '-o', 'r.json']);
    expect(r.code).toBe(2);
    const words = ['Amani', 'grandmother', 'Tomasz', 'Jayden', 'Grandad', 'Kai is', 'Leo (3)', 'half-Black', 'Half-white', 'like me', 'biracial families group'];
    for (const file of ['r.csv', 'r.html', 'r.json']) {
      for (const w of words) expect(read(file), `${w} in ${file}`).not.toContain(w);
    }
    for (const x of results('r.json')) {
      for (const m of x.messages) {
        if (m.fatal) continue;
        expect(m.message).toBeUndefined();
        expect(m.fix).toBeUndefined();
        expect(m.suggestions).toBeUndefined();
        expect(m.line).toBeGreaterThan(0);
      }
      for (const s of x.suppressedMessages) expect(s.suppressions.every((k) => k.justification === '')).toBe(true);
    }
    // Ids, rules and positions are still there.
    expect(results('r.json').find((x) => x.recordId === 'N-1004')!.messages.map((m) => [m.ruleId, m.field, m.line, m.column])).toEqual([
      ['mixed-race', 'note', 1, 55],
      ['mixed-race', 'action', 1, 1],
    ]);
  }, SLOW);

  it('gives the same summary, report and results from shards merged as from one run (whatever the threads)', () => {
    const options = ['big', '--id-column', 'id', '--date-column', 'date'];
    expect(audit([...options, '--jobs', '1', '--summary', 'one.csv', '--report', 'one.html', '-f', 'json', '-o', 'one.json']).code).toBe(0);
    const counts: number[] = [];
    for (const k of [1, 2, 3]) {
      const r = audit([...options, '--jobs', '3', '--shard', `${k}/3`, '-f', 'json', '-o', `shard-${k}.json`], { ANTI_RACIST_LINT_AUDIT_CHUNK_BYTES: '3000' });
      expect(r.code, r.stderr).toBe(0);
      counts.push(results(`shard-${k}.json`).length);
    }
    // Every record in exactly one shard, and every shard has some.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(results('one.json').length);
    expect(Math.min(...counts)).toBeGreaterThan(50);
    const merged = runCli(['merge-reports', 'shard-1.json', 'shard-2.json', 'shard-3.json', '--summary', 'merged.csv', '--report', 'merged.html', '-f', 'json', '-o', 'merged.json'], { cwd: project.dir });
    expect(merged.code, merged.stderr).toBe(0);
    expect(read('merged.csv')).toBe(read('one.csv'));
    expect(read('merged.html')).toBe(read('one.html'));
    expect(read('merged.json')).toBe(read('one.json'));
    expect(read('one.html')).toContain('id="year-chart"');
  }, SLOW);

  it('continues an interrupted audit with --resume and ends with the same outputs', () => {
    const options = ['big', '--id-column', 'id', '--date-column', 'date', '--summary', 'resumed.csv', '--report', 'resumed.html', '-f', 'json', '-o', 'resumed.json'];
    const env = { ANTI_RACIST_LINT_AUDIT_CHUNK_BYTES: '2000' };
    expect(audit(['big', '--id-column', 'id', '--date-column', 'date', '--summary', 'whole.csv', '--report', 'whole.html', '-f', 'json', '-o', 'whole.json'], env).code).toBe(0);

    const crashed = audit(options, { ...env, ANTI_RACIST_LINT_AUDIT_CRASH_AFTER: '4' });
    expect(crashed.code).toBeNull();
    const checkpoint = read('resumed.csv.checkpoint.json');
    // Ids and offsets only: no record text.
    for (const w of ['mixed race', 'biracial', 'garden', 'Dad is']) expect(checkpoint).not.toContain(w);
    expect(JSON.parse(checkpoint).position.offset).toBeGreaterThan(0);
    // The crash left more rows than the checkpoint covers: a resumed run must cut them off.
    expect(read('resumed.csv').length).toBeGreaterThan(JSON.parse(checkpoint).outputs.summary);

    const resumed = audit([...options, '--resume'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(read('resumed.csv')).toBe(read('whole.csv'));
    expect(read('resumed.json')).toBe(read('whole.json'));
    expect(read('resumed.html')).toBe(read('whole.html'));
    expect(existsSync(join(project.dir, 'resumed.csv.checkpoint.json'))).toBe(false);
  }, SLOW);

  it('resumes a UTF-16 export (decoded again up to the checkpoint) and a folder of documents', () => {
    const options = ['utf16', '--id-column', 'id', '--summary', 'u.csv', '--report', 'u.html', '-f', 'json', '-o', 'u.json'];
    // About 6 chunks of the export, then 3 units of 64, 64 and 22 documents.
    const env = { ANTI_RACIST_LINT_AUDIT_CHUNK_BYTES: '8000' };
    expect(audit(['utf16', '--id-column', 'id', '--summary', 'w.csv', '--report', 'w.html', '-f', 'json', '-o', 'w.json'], env).code).toBe(0);
    // Crash inside the export, then again inside the folder.
    expect(audit(options, { ...env, ANTI_RACIST_LINT_AUDIT_CRASH_AFTER: '3' }).code).toBeNull();
    expect(audit([...options, '--resume'], { ...env, ANTI_RACIST_LINT_AUDIT_CRASH_AFTER: '4' }).code).toBeNull();
    expect(JSON.parse(read('u.csv.checkpoint.json')).position.source).toBeGreaterThan(0);
    expect(audit([...options, '--resume'], env).code).toBe(0);
    expect(read('u.csv')).toBe(read('w.csv'));
    expect(read('u.json')).toBe(read('w.json'));
    expect(read('u.html')).toBe(read('w.html'));
    expect(results('w.json')).toHaveLength(450);
  }, SLOW);

  it('refuses to resume a checkpoint of a different audit, and says why options are wrong', () => {
    const env = { ANTI_RACIST_LINT_AUDIT_CHUNK_BYTES: '2000', ANTI_RACIST_LINT_AUDIT_CRASH_AFTER: '2' };
    expect(audit(['big', '--summary', 'other.csv'], env).code).toBeNull();
    const r = audit(['big', '--redact', '--summary', 'other.csv', '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/other\.csv\.checkpoint\.json is from an audit with other inputs or options/);
    expect(audit(['big', '--resume']).stderr).toMatch(/--resume needs an output file/);
    expect(audit(['big', '--shard', '4/3']).stderr).toMatch(/--shard expects K\/N/);
    expect(audit(['big', '--encoding', 'klingon']).stderr).toMatch(/unknown encoding/);
    expect(audit(['exports/notes.csv', '--text-column', 'nope', '-f', 'json']).stdout).toContain('--text-column \\"nope\\" is not a column (columns: note_id, case_id, date, author, note, action)');
  }, SLOW);

  // npm run bench measures the pipeline without linting this way; it must still read and write every record.
  it('with the benchmark switch ANTI_RACIST_LINT_BENCH_PRESCAN_ONLY=1, reads every record and lints none', () => {
    const args = ['big/export.csv', 'big/docs', '--id-column', 'id', '-f', 'json'];
    const linted = JSON.parse(audit(args).stdout) as Result[];
    const r = audit(args, { ANTI_RACIST_LINT_BENCH_PRESCAN_ONLY: '1' });
    expect(r.code).toBe(0);
    const bare = JSON.parse(r.stdout) as Result[];
    expect(linted.some((x) => x.messages.length > 0)).toBe(true);
    expect(bare.map((x) => x.recordId)).toEqual(linted.map((x) => x.recordId));
    expect(bare.every((x) => x.messages.length === 0)).toBe(true);
  }, SLOW);

  it('never leaves a checkpoint behind after a complete run', () => {
    expect(audit(['docs/visit.txt', '--summary', 'done.csv']).code).toBe(0);
    expect(readdirSync(project.dir).filter((f) => f.includes('checkpoint'))).not.toContain('done.csv.checkpoint.json');
  }, SLOW);
});
