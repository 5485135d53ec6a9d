import { clauseLabel, type Rule } from '../engine/rule.js';
import { REVIEW_LIMIT, type ReportState, type ReviewEntry } from './report-model.js';

/**
 * `--report FILE.html`: one self-contained page (inline CSS and SVG, no script, no external asset) with totals
 * per rule and category, a chart of findings per rule and, when records have dates, per year, the records most
 * in need of review linked to their findings, and the records that could not be read. Deterministic: the same
 * results give the same bytes (no clock, no paths beyond the sources named).
 */
export function renderReport(state: ReportState, rules: readonly Rule[]): string {
  const ruleById = new Map(rules.map((r) => [r.meta.id, r]));
  const ruleRows = rules.map((r) => ({ rule: r, tally: state.rules[r.meta.id] ?? { findings: 0, records: 0 } }));
  const findings = ruleRows.reduce((n, r) => n + r.tally.findings, 0);
  const years = Object.keys(state.years).sort();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Anti-racist practice audit</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Anti-racist practice audit</h1>
<p class="lede">Records checked against the practice standards by anti-racist-lint. A finding is wording for a person to review, not a verdict.</p>
<dl class="totals">
${total('Records audited', state.records)}
${total('Need review', state.recordsNeedingReview, state.records ? `${percent(state.recordsNeedingReview, state.records)} of records` : '')}
${total('Findings', findings, `${state.severities.error} errors · ${state.severities.warning} warnings · ${state.severities.info} info`)}
${total('Could not be read', state.faults)}
</dl>
${sourcesLine(state)}
</header>
<main>
<section id="rules">
<h2>Findings per rule</h2>
${barChart(
  'rule-chart',
  'Findings per rule',
  ruleRows.filter((r) => r.tally.findings > 0).sort((a, b) => b.tally.findings - a.tally.findings || (a.rule.meta.id < b.rule.meta.id ? -1 : 1)).map((r) => ({ label: r.rule.meta.id, value: r.tally.findings })),
)}
<table>
<thead><tr><th>Rule</th><th>Category</th><th>Clause</th><th class="n">Findings</th><th class="n">Records</th></tr></thead>
<tbody>
${ruleRows.map(({ rule, tally }) => `<tr><td><code>${esc(rule.meta.id)}</code><div class="note">${esc(rule.meta.docs.summary)}</div></td><td>${esc(rule.meta.category)}</td><td>${esc(rule.meta.standards.map(clauseLabel).join(', '))}</td><td class="n">${tally.findings}</td><td class="n">${tally.records}</td></tr>`).join('\n')}
</tbody>
</table>
</section>
<section id="categories">
<h2>Findings per category</h2>
${categoryTable(ruleRows)}
</section>
${years.length ? yearSection(state, years) : ''}
<section id="review">
<h2>Records most in need of review</h2>
${reviewTable(state.review)}
</section>
${state.review.length ? `<section id="findings">\n<h2>Findings in these records</h2>\n${state.review.map((e, i) => recordFindings(e, i, ruleById)).join('\n')}\n</section>` : ''}
${faultSection(state)}
</main>
</body>
</html>
`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2530; --muted: #5b6675; --line: #d8dde4; --accent: #7a3e9d; --warn: #b35c00; --err: #b3261e; --info: #2b6cb0; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #fbfbfc; }
header, main { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
.lede, .note, .sources { color: var(--muted); }
.note { font-size: 13px; }
.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin: 16px 0; }
.totals div { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.totals dt { color: var(--muted); font-size: 13px; }
.totals dd { margin: 2px 0 0; font-size: 24px; font-weight: 600; }
.totals dd small { display: block; font-size: 12px; font-weight: 400; color: var(--muted); }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; }
svg.chart { display: block; width: 100%; height: auto; margin: 8px 0 16px; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
svg.chart text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg.chart rect.bar { fill: var(--accent); }
svg.chart text.value { fill: var(--muted); }
.sev-2 { color: var(--err); font-weight: 600; }
.sev-1 { color: var(--warn); font-weight: 600; }
.sev-0 { color: var(--info); }
.record { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 4px 14px 10px; margin: 12px 0; }
.record:target { outline: 3px solid var(--accent); }
.record ol { margin: 6px 0 0; padding-left: 22px; }
.record li { margin: 3px 0; }
.empty { color: var(--muted); font-style: italic; }
`;

function total(label: string, value: number, detail = ''): string {
  return `<div><dt>${esc(label)}</dt><dd>${value.toLocaleString('en-GB')}${detail ? `<small>${esc(detail)}</small>` : ''}</dd></div>`;
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

function sourcesLine(state: ReportState): string {
  const exports = Object.entries(state.exports).sort(([a], [b]) => (a < b ? -1 : 1));
  const parts = exports.slice(0, 20).map(([source, n]) => `<code>${esc(source)}</code> (${n.toLocaleString('en-GB')} records)`);
  if (exports.length > 20) parts.push(`${exports.length - 20} more exports`);
  if (state.documents) parts.push(`${state.documents.toLocaleString('en-GB')} documents`);
  return parts.length ? `<p class="sources">Sources: ${parts.join(', ')}.</p>` : '';
}

interface Bar {
  label: string;
  value: number;
}

/** A horizontal bar chart as inline SVG. */
function barChart(id: string, title: string, bars: Bar[]): string {
  if (bars.length === 0) return '<p class="empty">No findings.</p>';
  const labelWidth = 190;
  const width = 760;
  const rowHeight = 26;
  const height = bars.length * rowHeight + 16;
  const max = Math.max(...bars.map((b) => b.value));
  const scale = (width - labelWidth - 70) / max;
  const rows = bars
    .map((b, i) => {
      const y = 8 + i * rowHeight;
      const w = Math.max(2, Math.round(b.value * scale));
      return `<g class="row"><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${esc(b.label)}</text><rect class="bar" x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" rx="3"><title>${esc(b.label)}: ${b.value}</title></rect><text class="value" x="${labelWidth + w + 6}" y="${y + 16}">${b.value}</text></g>`;
    })
    .join('');
  return `<svg id="${id}" class="chart" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}"><title>${esc(title)}</title>${rows}</svg>`;
}

/** A vertical bar chart (one bar per year) as inline SVG. */
function columnChart(id: string, title: string, bars: Bar[]): string {
  const width = 760;
  const height = 240;
  const base = height - 28;
  const slot = (width - 40) / bars.length;
  const barWidth = Math.min(48, slot * 0.7);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const columns = bars
    .map((b, i) => {
      const h = Math.round(((base - 24) * b.value) / max);
      const x = 20 + i * slot + (slot - barWidth) / 2;
      const cx = x + barWidth / 2;
      return `<g class="row"><rect class="bar" x="${x.toFixed(1)}" y="${base - h}" width="${barWidth.toFixed(1)}" height="${h}" rx="3"><title>${esc(b.label)}: ${b.value}</title></rect><text class="value" x="${cx.toFixed(1)}" y="${base - h - 5}" text-anchor="middle">${b.value}</text><text x="${cx.toFixed(1)}" y="${base + 18}" text-anchor="middle">${esc(b.label)}</text></g>`;
    })
    .join('');
  return `<svg id="${id}" class="chart" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}"><title>${esc(title)}</title><line x1="16" y1="${base}" x2="${width - 16}" y2="${base}" stroke="#d8dde4"/>${columns}</svg>`;
}

function categoryTable(rows: { rule: Rule; tally: { findings: number; records: number } }[]): string {
  const categories = new Map<string, { findings: number; rules: string[] }>();
  for (const { rule, tally } of rows) {
    const c = categories.get(rule.meta.category) ?? { findings: 0, rules: [] };
    c.findings += tally.findings;
    c.rules.push(rule.meta.id);
    categories.set(rule.meta.category, c);
  }
  const body = [...categories]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, c]) => `<tr><td>${esc(name)}</td><td>${c.rules.map((r) => `<code>${esc(r)}</code>`).join(', ')}</td><td class="n">${c.findings}</td></tr>`)
    .join('\n');
  return `<table>\n<thead><tr><th>Category</th><th>Rules</th><th class="n">Findings</th></tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function yearSection(state: ReportState, years: string[]): string {
  const rows = years.map((y) => `<tr><td>${esc(y)}</td><td class="n">${state.years[y].records}</td><td class="n">${state.years[y].needsReview}</td><td class="n">${state.years[y].findings}</td></tr>`).join('\n');
  return `<section id="years">
<h2>Findings per year</h2>
${columnChart('year-chart', 'Findings per year', years.map((y) => ({ label: y, value: state.years[y].findings })))}
<table>
<thead><tr><th>Year</th><th class="n">Records</th><th class="n">Need review</th><th class="n">Findings</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

function reviewTable(review: ReviewEntry[]): string {
  if (review.length === 0) return '<p class="empty">No record needs review.</p>';
  const rows = review
    .map(
      (e, i) =>
        `<tr><td class="n">${i + 1}</td><td><a href="#record-${i + 1}">${esc(e.recordId)}</a></td><td><code>${esc(e.source)}</code>${e.line !== undefined ? `:${e.line}` : ''}</td><td class="n">${e.errorCount}</td><td class="n">${e.warningCount}</td><td class="n">${e.infoCount}</td><td>${Object.entries(e.rules)
          .map(([r, n]) => `<code>${esc(r)}</code>${n > 1 ? ` ×${n}` : ''}`)
          .join(', ')}</td></tr>`,
    )
    .join('\n');
  return `<p class="note">The ${review.length < REVIEW_LIMIT ? review.length : REVIEW_LIMIT} records with the most errors, then warnings. Select an id to see its findings.</p>
<table id="review-list">
<thead><tr><th class="n">#</th><th>Record</th><th>Source</th><th class="n">Errors</th><th class="n">Warnings</th><th class="n">Info</th><th>Rules</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

const SEVERITY_WORD = ['info', 'warning', 'error'];

function recordFindings(entry: ReviewEntry, index: number, rules: Map<string, Rule>): string {
  const items = (entry.messages ?? [])
    .map((m) => {
      const rule = m.ruleId ? rules.get(m.ruleId) : undefined;
      const text = m.message ?? rule?.meta.docs.summary ?? '';
      const where = `${m.field ? `${esc(m.field)} ` : ''}${m.line}:${m.column}`;
      return `<li><span class="sev-${m.severity}">${SEVERITY_WORD[m.severity]}</span> <code>${where}</code> ${esc(text)} <code>${esc(m.ruleId ?? '')}</code> <span class="note">${esc(m.clause)}</span></li>`;
    })
    .join('');
  const where = `<code>${esc(entry.source)}</code>${entry.line !== undefined ? `, line ${entry.line}` : ''}${entry.year !== undefined ? `, ${entry.year}` : ''}`;
  return `<article class="record" id="record-${index + 1}"><h3>${index + 1}. ${esc(entry.recordId)}</h3><div class="note">${where} · <a href="#review-list">back to the list</a></div>${items ? `<ol>${items}</ol>` : '<p class="empty">Findings not available.</p>'}</article>`;
}

function faultSection(state: ReportState): string {
  if (state.faults === 0) return '';
  const items = state.faultList.map((f) => `<li><code>${esc(f.source)}</code>${f.line !== undefined ? `:${f.line}` : ''}${f.recordIndex >= 0 && f.recordId !== f.source ? ` (${esc(f.recordId)})` : ''}: ${esc(f.message)}</li>`).join('\n');
  const more = state.faults > state.faultList.length ? `<p class="note">and ${state.faults - state.faultList.length} more (see the summary file).</p>` : '';
  return `<section id="faults">\n<h2>Could not be read</h2>\n<ul>\n${items}\n</ul>\n${more}\n</section>`;
}

function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

