#!/usr/bin/env node
// Throughput benchmark for `anti-racist-lint audit` (npm run bench).
//
//   node bench/run.mjs [--mb 100] [--corpus /tmp/corpus] [--jobs N] [--only csv,prescan,jsonl,folder,rg,alex]
//
// Generates the synthetic corpus with ../shared/bench/gen-corpus.mjs if it is missing, then prints, in one run,
// MiB/s and peak RSS for the CSV export, the JSON Lines export and the one-file-per-note folder; the CSV export
// again with every record read, pre-scanned and written but none linted (the pipeline's ceiling); the same CSV
// through a bare ripgrep scan for the pre-scan's trigger terms (when rg is installed); and alex on a 1 MiB
// sample (installed on first use into a temporary folder outside the repository, never as a dependency).
// Numbers only: nothing here asserts a time. The machine is shared, so the load average is printed with them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const mb = Number(opt('--mb', '100'));
const corpus = opt('--corpus', mb === 100 ? '/tmp/corpus' : `/tmp/corpus-${mb}`);
const jobs = opt('--jobs', String(availableParallelism()));
const only = new Set((opt('--only', 'csv,prescan,jsonl,folder,rg,alex')).split(','));
const out = join(tmpdir(), 'arl-bench-out');
const BIN = join(ROOT, 'bin', 'anti-racist-lint.js');
const MiB = 1048576;

function ensureCorpus() {
  if (existsSync(join(corpus, 'export.csv')) && existsSync(join(corpus, 'export.jsonl')) && existsSync(join(corpus, 'notes'))) return;
  const generator = join(ROOT, '..', 'shared', 'bench', 'gen-corpus.mjs');
  console.log(`generating ${mb} MiB corpus in ${corpus} …`);
  const r = spawnSync(process.execPath, [generator, '--mb', String(mb), '--out', corpus], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Runs the CLI once; returns wall seconds, CPU seconds and the process's peak RSS (worker threads included). */
function audit(name, auditArgs, extraEnv = {}) {
  const rssFile = join(out, `${name}.rss`);
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'bench', 'rss-probe.mjs'), BIN, 'audit', '--jobs', jobs, ...auditArgs], {
    cwd: out,
    encoding: 'utf8',
    env: { ...process.env, ...extraEnv, BENCH_RSS_FILE: rssFile },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${name}: exit ${r.status}\n${r.stderr}`);
  const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
  return { seconds, cpuSeconds: usage.cpuSeconds, rssMiB: usage.maxRssKiB / 1024, stdout: r.stdout.trim() };
}

function sizeOf(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const f of readdirSync(path)) total += statSync(join(path, f)).size;
  return total;
}

/** The words and patterns the audit's pre-scan looks for in every record (default configuration). */
async function triggerTerms() {
  const load = (path) => import(pathToFileURL(join(ROOT, 'dist', ...path.split('/'))).href);
  const { rules } = await load('rules/index.js');
  const { configForFile } = await load('src/config/config.js');
  const { TriggerScanner } = await load('src/audit/prescan.js');
  const config = configForFile({}, rules, undefined);
  const enabled = rules.filter((r) => (config.rules[r.meta.id]?.severity ?? r.meta.severity) !== 'off');
  return new TriggerScanner(enabled, { config }).lookedFor();
}

function ripgrep(csv, terms) {
  if (spawnSync('rg', ['--version']).status !== 0) return undefined;
  const file = join(out, 'triggers.txt');
  writeFileSync(file, terms.words.join('\n') + '\n');
  const started = performance.now();
  const r = spawnSync('rg', ['--count-matches', '--ignore-case', '--word-regexp', '--file', file, csv], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  // Patterns are case-sensitive: a second scan, timed too.
  let patternSeconds = 0;
  for (const pattern of terms.patterns) {
    const t = performance.now();
    spawnSync('rg', ['--count-matches', pattern, csv]);
    patternSeconds += (performance.now() - t) / 1000;
  }
  return { seconds: seconds + patternSeconds, matches: r.stdout.trim() };
}

/** alex (retext-equality and friends) over a 1 MiB sample of the notes, through its API. */
async function alex() {
  const prefix = join(tmpdir(), 'arl-bench-alex');
  const entry = join(prefix, 'node_modules', 'alex', 'index.js');
  if (!existsSync(entry)) {
    console.log(`installing alex into ${prefix} (outside the repository) …`);
    const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', 'alex@11.0.1'], { stdio: 'inherit' });
    if (r.status !== 0) return undefined;
  }
  const { text } = await import(pathToFileURL(entry).href);
  const notes = [];
  let bytes = 0;
  for (const line of readFileSync(join(corpus, 'export.jsonl'), 'utf8').split('\n')) {
    if (!line || bytes >= MiB) break;
    const note = JSON.parse(line).note;
    notes.push(note);
    bytes += Buffer.byteLength(note);
  }
  const started = performance.now();
  let messages = 0;
  for (const note of notes) messages += text(note).messages.length;
  return { seconds: (performance.now() - started) / 1000, bytes, messages };
}

ensureCorpus();
if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) {
  console.error('run `npm run build` first (npm run bench does)');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const csv = join(corpus, 'export.csv');
const jsonl = join(corpus, 'export.jsonl');
const notes = join(corpus, 'notes');
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`anti-racist-lint audit benchmark — ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, --jobs ${jobs}`);
console.log(`corpus ${corpus}; load average at start ${load()}`);

const rows = [];
const row = (name, bytes, seconds, rssMiB, cpuSeconds, note = '') => {
  rows.push({ name, mib: bytes / MiB, seconds, rate: bytes / MiB / seconds, rssMiB, cpuSeconds, note });
  const r = rows[rows.length - 1];
  const cpu = cpuSeconds === undefined ? '' : ` ${cpuSeconds.toFixed(2).padStart(6)} s CPU (${(r.mib / cpuSeconds).toFixed(1)} MiB per CPU-second)`;
  console.log(`${name.padEnd(30)} ${r.mib.toFixed(1).padStart(7)} MiB ${seconds.toFixed(2).padStart(7)} s ${r.rate.toFixed(1).padStart(7)} MiB/s${rssMiB === undefined ? '' : ` ${rssMiB.toFixed(0).padStart(4)} MiB peak RSS`}${cpu} ${note}`);
};

const reportArgs = (name) => ['--summary', `${name}-summary.csv`, '--report', `${name}-report.html`, '--no-progress'];
if (only.has('csv')) {
  const r = audit('csv', [csv, '--id-column', 'note_id', '--date-column', 'date', ...reportArgs('csv')]);
  row('audit CSV export', sizeOf(csv), r.seconds, r.rssMiB, r.cpuSeconds);
}
if (only.has('prescan')) {
  // Read, pre-scanned and written as above, but no record is linted: what the rest of the audit costs.
  const r = audit('prescan', [csv, '--id-column', 'note_id', '--date-column', 'date', ...reportArgs('prescan')], { ANTI_RACIST_LINT_BENCH_PRESCAN_ONLY: '1' });
  row('CSV, pre-scan only (no lint)', sizeOf(csv), r.seconds, r.rssMiB, r.cpuSeconds);
}
if (only.has('jsonl')) {
  const r = audit('jsonl', [jsonl, '--text-field', 'note', '--id-field', 'note_id', '--date-field', 'date', ...reportArgs('jsonl')]);
  row('audit JSON Lines export', sizeOf(jsonl), r.seconds, r.rssMiB, r.cpuSeconds);
}
if (only.has('folder')) {
  const r = audit('folder', [notes, ...reportArgs('folder')]);
  row('audit folder (file per note)', sizeOf(notes), r.seconds, r.rssMiB, r.cpuSeconds);
}
let rg;
if (only.has('rg')) {
  const terms = await triggerTerms();
  rg = ripgrep(csv, terms);
  if (rg) row(`ripgrep scan (${terms.words.length} terms)`, sizeOf(csv), rg.seconds, undefined);
  else console.log('ripgrep not installed (apt-get install ripgrep): skipped');
}
let alexRun;
if (only.has('alex')) {
  alexRun = await alex();
  if (alexRun) row('alex, 1 MiB sample', alexRun.bytes, alexRun.seconds, undefined, undefined, `(${alexRun.messages} messages)`);
  else console.log('alex could not be installed: skipped');
}

const csvRow = rows.find((r) => r.name === 'audit CSV export');
console.log('');
if (csvRow && rg) console.log(`ripgrep / audit (CSV): ${(rows.find((r) => r.name.startsWith('ripgrep')).rate / csvRow.rate).toFixed(1)}x`);
if (csvRow && alexRun) console.log(`audit (CSV) / alex: ${(csvRow.rate / (alexRun.bytes / MiB / alexRun.seconds)).toFixed(0)}x`);
console.log(`load average at end ${load()}`);
console.log('');
console.log('| input | MiB | wall s | MiB/s | peak RSS | CPU s |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${r.mib.toFixed(1)} | ${r.seconds.toFixed(2)} | ${r.rate.toFixed(1)} | ${r.rssMiB === undefined ? '' : `${r.rssMiB.toFixed(0)} MiB`} | ${r.cpuSeconds === undefined ? '' : r.cpuSeconds.toFixed(2)} |`);
