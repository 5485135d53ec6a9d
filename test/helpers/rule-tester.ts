import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/lint.js';
import { parseDocument } from '../../src/parse/index.js';
import { applyFixes } from '../../src/engine/fixer.js';

/**
 * RuleTester in the style of ESLint's, over the real parser and engine. Expected hits are marked in the text
 * with ⟦ and ⟧; the markers are removed before linting and become the expected spans.
 */
export interface ValidCase {
  text: string;
  note?: string;
  format?: 'text' | 'markdown';
  options?: Record<string, unknown>;
}
export interface InvalidCase extends ValidCase {
  /** One entry per marked hit, in order. */
  errors?: { messageId?: string; severity?: 'error' | 'warning' | 'info'; suggestions?: number | string[] }[];
  /** Expected text after applying the rule's safe fixes (omit when the rule gives no fix here). */
  output?: string;
}

const OPEN = '⟦';
const CLOSE = '⟧';

export function unmark(marked: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  let text = '';
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN) open = text.length;
    else if (ch === CLOSE) {
      spans.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  return { text, spans };
}

function lint(rule: Rule, c: ValidCase, text: string) {
  const doc = parseDocument(text, { format: c.format ?? 'text' });
  const { findings, suppressed } = runRules(doc, [rule], { rules: { [rule.meta.id]: { severity: rule.meta.severity, options: c.options ?? {} } } });
  return { doc, findings, suppressed };
}

export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  const asCase = (c: string | ValidCase): ValidCase => (typeof c === 'string' ? { text: c } : c);
  const format = rule.meta.docs.exampleFormat ?? 'text';
  const valid = [...cases.valid.map(asCase), ...rule.meta.docs.examples.good.map((text) => ({ text, format, note: 'docs example (good)' }))];
  const invalidFromDocs = rule.meta.docs.examples.bad.map((text) => ({ text, format, note: 'docs example (bad)' }));

  describe(rule.meta.id, () => {
    it('has no duplicate cases', () => {
      const texts = [...cases.valid.map(asCase), ...cases.invalid].map((c) => c.text);
      expect(new Set(texts).size).toBe(texts.length);
    });

    for (const c of valid) {
      it(`valid: ${c.note ? `[${c.note}] ` : ''}${c.text.slice(0, 90)}`, () => {
        const { findings } = lint(rule, c, c.text);
        expect(findings.map((f) => `${f.ruleId}@${c.text.slice(f.span.start, f.span.end)}`)).toEqual([]);
      });
    }

    for (const c of invalidFromDocs) {
      it(`invalid: [docs example (bad)] ${c.text.slice(0, 90)}`, () => {
        expect(lint(rule, c, c.text).findings.length).toBeGreaterThan(0);
      });
    }

    for (const c of cases.invalid) {
      it(`invalid: ${c.note ? `[${c.note}] ` : ''}${c.text.slice(0, 90)}`, () => {
        const { text, spans } = unmark(c.text);
        expect(spans.length, 'an invalid case must mark at least one hit with ⟦…⟧').toBeGreaterThan(0);
        const { findings } = lint(rule, c, text);
        expect(findings.map((f) => text.slice(f.span.start, f.span.end))).toEqual(spans.map((s) => text.slice(s.start, s.end)));
        expect(findings.map((f) => f.span)).toEqual(spans);
        findings.forEach((f, i) => {
          expect(rule.meta.messages[f.messageId], `messageId ${f.messageId} is declared`).toBeDefined();
          const expected = c.errors?.[i];
          if (expected?.messageId) expect(f.messageId).toBe(expected.messageId);
          if (expected?.severity) expect(f.severity).toBe(expected.severity);
          if (expected?.suggestions !== undefined) {
            const got = (f.suggestions ?? []).map((s) => s.edit.text);
            if (typeof expected.suggestions === 'number') expect(got.length).toBe(expected.suggestions);
            else expect(got).toEqual(expected.suggestions);
          }
        });
        const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : []));
        if (c.output !== undefined) {
          const fixed = applyFixes(text, fixes).text;
          expect(fixed).toBe(c.output);
          // A fix must remove the finding it fixes.
          const again = lint(rule, c, fixed).findings.filter((f) => f.fix);
          expect(again).toEqual([]);
        } else {
          expect(fixes, 'a case whose findings carry fixes must state the expected output').toEqual([]);
        }
      });
    }
  });
}
