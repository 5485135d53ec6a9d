// Loaded with `node --import ./bench/rss-probe.mjs`: writes the process's peak resident set size (all threads,
// so the audit's worker threads too) to the file named by BENCH_RSS_FILE when the process exits.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
