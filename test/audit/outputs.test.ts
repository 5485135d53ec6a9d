import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { formatProgress } from '../../src/audit/progress.js';
import { renderReport } from '../../src/audit/report-html.js';
import { ReportModel, REVIEW_LIMIT } from '../../src/audit/report-model.js';
import { faultResult, type AuditResult } from '../../src/audit/result.js';
import { hashId, inShard, parseShard } from '../../src/audit/shard.js';
import { csvField, summaryHeader, summaryRow } from '../../src/audit/summary.js';
import { yearOf } from '../../src/audit/record-result.js';

function result(recordIndex: number, findings: { rule: string; severity: 0 | 1 | 2 }[], extra: Partial<AuditResult> = {}): AuditResult {
  const messages = findings.map((f, i) => ({ ruleId: f.rule, severity: f.severity, message: `m${i}`, messageId: 'x', clause: '001 §2.1', line: 1, column: 1 + i, endLine: 1, endColumn: 2 + i }));
  const count = (s: number) => messages.filter((m) => m.severity === s).length;
  return {
    filePath: '/x/export.csv',
    source: 'export.csv',
    recordId: `R-${recordIndex}`,
    recordIndex,
    messages,
    suppressedMessages: [],
    errorCount: count(2),
    warningCount: count(1),
    infoCount: count(0),
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    ...extra,
  };
}

const arbitraryResults = fc.array(
  fc.record({
    findings: fc.array(fc.record({ rule: fc.constantFrom('mixed-race', 'jargon', 'trigger-label'), severity: fc.constantFrom<0 | 1 | 2>(0, 1, 2) }), { maxLength: 4 }),
    year: fc.option(fc.integer({ min: 2010, max: 2020 }), { nil: undefined }),
    fault: fc.boolean(),
  }),
  { maxLength: 150 },
);

describe('ReportModel', () => {
  it('gives the same report whatever order the records arrive in (so shards can be merged)', () => {
    fc.assert(
      fc.property(arbitraryResults, fc.integer(), (specs, seed) => {
        const list = specs.map((s, i) => (s.fault ? faultResult({ filePath: '/x/export.csv', source: 'export.csv', recordId: `#${i}`, recordIndex: i, line: i + 2 }, 'malformed row') : result(i, s.findings, s.year ? { year: s.year } : {})));
        const inOrder = new ReportModel();
        list.forEach((r) => inOrder.add(r));
        const shuffled = [...list].sort((a, b) => hashId(`${seed}${a.recordId}`) - hashId(`${seed}${b.recordId}`));
        const other = new ReportModel();
        shuffled.forEach((r) => other.add(r));
        expect(renderReport(other.state, rules)).toBe(renderReport(inOrder.state, rules));
        expect(inOrder.state.review.length).toBeLessThanOrEqual(REVIEW_LIMIT);
      }),
      { numRuns: 100 },
    );
  });

  it('ranks records by errors, then warnings, then info, and keeps no message text in the checkpoint', () => {
    const model = new ReportModel();
    model.add(result(0, [{ rule: 'jargon', severity: 1 }]));
    model.add(result(1, [{ rule: 'jargon', severity: 2 }]));
    model.add(result(2, [{ rule: 'jargon', severity: 0 }, { rule: 'mixed-race', severity: 1 }, { rule: 'mixed-race', severity: 1 }]));
    model.add(result(3, []));
    expect(model.state.review.map((e) => e.recordId)).toEqual(['R-1', 'R-2', 'R-0']);
    expect(model.state.rules['mixed-race']).toEqual({ findings: 2, records: 1 });
    expect(JSON.stringify(model.toCheckpoint())).not.toMatch(/"m\d"/);
  });
});

describe('renderReport', () => {
  it('escapes what comes from the records and loads nothing from elsewhere', () => {
    const model = new ReportModel();
    model.add(result(0, [{ rule: 'mixed-race', severity: 1 }], { recordId: '<img src=x onerror=alert(1)>', year: 2019 }));
    model.add(faultResult({ filePath: '/x/a&b.csv', source: 'a&b.csv', recordId: 'a&b.csv', recordIndex: -1 }, 'cannot read: <EACCES>'));
    const html = renderReport(model.state, rules);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('cannot read: &lt;EACCES&gt;');
    expect(html).not.toMatch(/<script|<link|src=["']|url\(|@import|https?:\/\//);
    expect(html).toContain('id="year-chart"');
  });
});

describe('summary CSV', () => {
  it('has a column per rule and quotes fields, defusing spreadsheet formulas', () => {
    expect(summaryHeader(rules).split(',')).toContain('mixed-race');
    const row = summaryRow(result(0, [{ rule: 'mixed-race', severity: 1 }], { recordId: '=HYPERLINK("x")', line: 7, year: 2016 }), rules);
    expect(row.startsWith(`"'=HYPERLINK(""x"")",export.csv,7,2016,1,`)).toBe(true);
    expect(row.trimEnd().endsWith(',warning,true,')).toBe(true);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('-1')).toBe("'-1");
  });
});

describe('--shard', () => {
  it('puts every id in exactly one of N shards, the same way every time', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 12 }), (id, count) => {
        const owners = Array.from({ length: count }, (_, k) => inShard(id, { index: k + 1, count })).filter(Boolean);
        expect(owners).toHaveLength(1);
      }),
    );
    expect(hashId('N-1001')).toBe(hashId('N-1001'));
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/K\/N/);
  });
});

describe('progress and dates', () => {
  it('shows records done, records per second and the time left', () => {
    expect(formatProgress(5000, 25, 100, 10, 100)).toBe('[########......................]  25% 5,000 records 500/s 0:30 left');
    expect(formatProgress(20000, 100, 100, 40, 100)).toMatch(/100% 20,000 records 500\/s done$/);
  });

  it('reads years from the dates exports write', () => {
    expect(['2019-01-17', '17/01/2019', '17 January 2019', '2019', 'Jan 5th, 1998 10:00', '17/01/19', '', undefined].map(yearOf)).toEqual([2019, 2019, 2019, 2019, 1998, undefined, undefined, undefined]);
  });
});
