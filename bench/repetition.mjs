#!/usr/bin/env node
// How much a cache of lint results per candidate window could save on a corpus (npm run bench:repetition).
//
//   node bench/repetition.mjs [--corpus /tmp/corpus]
//
// For every note of the corpus's JSON Lines export that the pre-scan marks, finds the windows an audit would
// parse (the candidate sentences and the context their rules declare, as parseDocument's `candidates` option
// cuts them) and counts how many are distinct, alone and per note. A cache keyed on a note's windows could at
// best skip the repeats. Counts only: no text is printed or written.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const corpusIndex = args.indexOf('--corpus');
const corpus = corpusIndex >= 0 ? args[corpusIndex + 1] : '/tmp/corpus';
const exportFile = join(corpus, 'export.jsonl');
if (!existsSync(exportFile)) {
  console.error(`${exportFile} not found: run npm run bench first (it generates the corpus)`);
  process.exit(2);
}
const load = (path) => import(pathToFileURL(join(ROOT, 'dist', ...path.split('/'))).href);
const { rules } = await load('rules/index.js');
const { configForFile } = await load('src/config/config.js');
const { TriggerScanner } = await load('src/audit/prescan.js');
const { planTextBlocks } = await load('src/parse/text.js');
const { candidateWindows } = await load('src/parse/partial.js');

const config = configForFile({}, rules, undefined);
const scanner = new TriggerScanner(
  rules.filter((r) => (config.rules[r.meta.id]?.severity ?? r.meta.severity) !== 'off'),
  { config },
);
let notes = 0;
let marked = 0;
let windows = 0;
const distinctWindows = new Set();
const distinctNotes = new Set();
for (const line of readFileSync(exportFile, 'utf8').split('\n')) {
  if (!line) continue;
  const text = JSON.parse(line).note;
  notes++;
  const scan = scanner.scan(text);
  if (scan.rules.length === 0) continue;
  marked++;
  const plan = planTextBlocks(text);
  const mine = [];
  for (const block of plan.blocks) {
    for (const window of candidateWindows(plan.prose, block.span, scan.hits)) {
      const windowText = text.slice(window.start, window.end);
      windows++;
      distinctWindows.add(windowText);
      mine.push(windowText);
    }
  }
  distinctNotes.add(mine.join('\u0000'));
}
const share = (part, whole) => `${((100 * part) / whole).toFixed(1)}%`;
console.log(`${notes} notes; ${marked} marked by the pre-scan (${share(marked, notes)})`);
console.log(`${windows} candidate windows, ${distinctWindows.size} distinct (${share(windows - distinctWindows.size, windows)} repeats)`);
console.log(`per marked note: ${distinctNotes.size} distinct sets of windows (${share(marked - distinctNotes.size, marked)} of marked notes repeat one seen before)`);
