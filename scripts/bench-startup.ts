import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { packageRoot } from '../src/package-root.js';

/**
 * `npm run bench:startup [-- --runs N] [--bin path/to/bin/anti-racist-lint.js]`: how long the command line takes to lint one short draft, against
 * `node -e 0` on the same machine. Prints numbers only (bench/STARTUP.md records them). Each process reports its
 * own CPU time (user + system) through a preloaded module, so the figures hold on a shared, busy machine where
 * wall time mostly measures the neighbours.
 */
const SAMPLES: Record<string, string> = {
  'draft.txt': 'Home visit 12/02/2025.\nMs Ortiz was aggressive at the door. Jayden is mixed race.\n',
  'clean.txt': 'Home visit 14/02/2025.\nMother and Jayden were at home; the flat was warm and tidy.\n',
  'note.md': '# Case note\n\nVisited the family at home. Jayden is *mixed race* and attends school.\n\n- Next visit in two weeks.\n',
};

const REPORT_CPU = "process.on('exit', () => require('node:fs').writeSync(3, JSON.stringify(process.cpuUsage())));\n";

interface Run {
  wallMs: number;
  cpuMs: number;
}

function runOnce(args: string[], preload: string): Run {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  const cpu = JSON.parse(String(r.output[3])) as { user: number; system: number };
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function main(): void {
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 10;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs expects a positive whole number');
  // --bin: another build's command line, e.g. an older checkout, for before/after figures.
  const binFlag = process.argv.indexOf('--bin');
  const bin = binFlag >= 0 ? resolve(process.argv[binFlag + 1]) : join(packageRoot(), 'bin', 'anti-racist-lint.js');
  const dir = mkdtempSync(join(tmpdir(), 'arl-bench-'));
  try {
    const preload = join(dir, 'report-cpu.cjs');
    writeFileSync(preload, REPORT_CPU);
    for (const [name, text] of Object.entries(SAMPLES)) writeFileSync(join(dir, name), text);
    const cases: [string, string[]][] = [
      ['node -e 0', ['-e', '0']],
      ...Object.keys(SAMPLES).map((name): [string, string[]] => [`lint ${name}`, [bin, join(dir, name)]]),
    ];
    // One unmeasured run each warms the file system cache.
    for (const [, args] of cases) runOnce(args, preload);
    const results = cases.map(([label]) => ({ label, runs: [] as Run[] }));
    // Interleaved, so a burst of load from elsewhere spreads over every case alike.
    for (let i = 0; i < runs; i++) cases.forEach(([, args], c) => results[c].runs.push(runOnce(args, preload)));

    const version = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
    console.log(`anti-racist-lint ${version} (${bin}), node ${process.version}, ${runs} runs each (ms)`);
    console.log(['case'.padEnd(16), 'wall median', 'wall min', 'cpu median', 'cpu min'].join('  '));
    for (const { label, runs: rs } of results) {
      const wall = rs.map((r) => r.wallMs);
      const cpu = rs.map((r) => r.cpuMs);
      const cells = [median(wall), Math.min(...wall), median(cpu), Math.min(...cpu)].map((n, i) => n.toFixed(0).padStart(i % 2 ? 8 : 11));
      console.log([label.padEnd(16), ...cells].join('  '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
