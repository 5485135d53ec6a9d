// In-process measure of the per-core cost of the worker's job (parse records, pre-scan, lint, serialise) with
// the rules as they are, and with a synthetic rule whose triggers approximate the full rule set of
// ../shared/eval/LABELING.md (all the listed words, and capitalised abbreviations for jargon). It shows how
// throughput depends on how much of the text the triggers select for parsing. Used by run.mjs --projection.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const WORDS = `race racial racially mixed biracial multiracial half white black asian other south african caribbean british ethnic
minority minorities bame bme non coloured oriental negro mulatto illegal illegals blacks whites gyppo pikey tinker aggressive
hostile intimidating threatening volatile confrontational disrespectful defiant loud angry uncooperative evasive manipulative
argumentative rude emotionally menacing unpredictable streetwise mature putting lifestyle promiscuous sexually prostitute
prostitution boyfriend runner consented consensual knew young alleged perceived claims tinged charged tension banter
oversensitive playing cultural typical common tend tends culture culturally hard failed refused resistant chaotic compliant`.split(/\s+/);

export async function projection(root, csvPath, megabytes = 20) {
  const load = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
  const { rules } = await load('rules/index.js');
  const { defineRule } = await load('src/engine/rule.js');
  const { UnitProcessor, packUnit } = await load('src/audit/process-unit.js');
  const { RecordSplitter } = await load('src/input/record-splitter.js');
  const { parseCsvHeader } = await load('src/input/records.js');
  const { TriggerScanner } = await load('src/audit/prescan.js');

  const synthetic = defineRule({
    meta: {
      id: 'synthetic-triggers', category: 'bench', severity: 'warning', standards: [], fix: 'none', needs: ['sentences'],
      messages: { hit: '{term}' }, triggers: { words: WORDS, pattern: '\\b[A-Z]{2,6}\\b' },
      docs: { summary: '', rationale: '', examples: { bad: [], good: [] } },
    },
    // Touches every sentence it is given, as a rule reading tokens would; reports nothing.
    check(doc) {
      for (const s of doc.sentences) for (const t of s.tokens) void t.normal;
    },
  });

  const bytes = readFileSync(csvPath).subarray(0, megabytes << 20);
  const splitter = new RecordSplitter({ mode: 'csv', chunkBytes: 1 << 20 });
  const chunks = [...splitter.push(bytes)];
  const header = chunks[0];
  const columns = parseCsvHeader(header.bytes.subarray(0, header.starts[1]), ',');
  const layout = { kind: 'csv', delimiter: ',', columns, text: [columns.indexOf('note')], id: 0 };
  const mib = chunks.reduce((n, c) => n + c.bytes.length, 0) / 1048576;
  const notes = [];
  const out = [];
  for (const [name, set] of [['rules as they are', rules], ['+ synthetic full trigger set', [...rules, synthetic]]]) {
    const processor = new UnitProcessor({ config: {}, ruleSettings: {}, redact: false, write: { summary: true, json: false } }, set);
    const scanner = new TriggerScanner(set.filter((r) => r.meta.triggers !== undefined || r.terms));
    const started = process.cpuUsage();
    let records = 0;
    for (const chunk of chunks) {
      const output = await processor.run({ type: 'records', ref: { filePath: csvPath, source: 'export.csv' }, layout, chunk });
      packUnit(output, { summary: true, json: false }, set);
      records += output.recordsRead;
    }
    const used = process.cpuUsage(started);
    const seconds = (used.user + used.system) / 1e6;
    // Share of records and of text the pre-scan hands to the parser.
    if (notes.length === 0) for (const chunk of chunks.slice(0, 3)) for (const r of (await load('src/input/records.js')).parseRecords(chunk, layout)) notes.push(r.fields[0]?.text ?? '');
    let candidates = 0;
    for (const n of notes) if (scanner.scan(n).rules.length) candidates++;
    out.push({ name, rate: mib / seconds, records, candidateShare: candidates / notes.length });
  }
  return { mib, rows: out };
}
