import { describe, expect, it } from 'vitest';
import { applyEdits, diffTexts, mapFindings, placeMessages } from '../../web/src/spans.js';
import type { LintMessage } from '../../web/src/types.js';
import { lintText } from '../../src/linter.js';

/** The page's bookkeeping of where findings are while the practitioner types (web/src/spans.ts). */
describe('placing messages in the editor text', () => {
  it('turns line/column positions into offsets on any line', () => {
    const text = 'First line.\n\nMother is mixed race.\nRiley is mixed-race.';
    const messages = lintText(text, { filePath: 'draft.txt' }).messages.filter((m) => m.ruleId === 'mixed-race') as LintMessage[];
    const findings = placeMessages(text, messages);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['mixed race', 'mixed-race']);
    expect(findings[0].fix).toEqual({ start: 23, end: 33, text: 'of dual heritage' });
  });

  it('gives identical messages distinct keys', () => {
    const message = { ruleId: 'r', messageId: 'm', severity: 1, message: '', clause: '', line: 1, column: 1, endLine: 1, endColumn: 3 } as const;
    const keys = placeMessages('abc', [message, message]).map((f) => f.key);
    expect(new Set(keys).size).toBe(2);
  });
});

describe('keeping findings in place while typing', () => {
  const text = 'Mother is mixed race and Riley is mixed-race.';
  const findings = () =>
    placeMessages(text, lintText(text, { filePath: 'draft.txt' }).messages.filter((m) => m.ruleId === 'mixed-race') as LintMessage[]);

  it('finds the changed region of an insertion, a deletion and a replacement', () => {
    expect(diffTexts('abcdef', 'abXcdef')).toEqual({ start: 2, oldEnd: 2, newEnd: 3 });
    expect(diffTexts('abcdef', 'abef')).toEqual({ start: 2, oldEnd: 4, newEnd: 2 });
    expect(diffTexts('abcdef', 'abXYef')).toEqual({ start: 2, oldEnd: 4, newEnd: 4 });
    expect(diffTexts('aaaa', 'aaaaa')).toEqual({ start: 4, oldEnd: 4, newEnd: 5 });
    expect(diffTexts('same', 'same')).toBeUndefined();
  });

  it('moves findings after an edit and keeps those before it', () => {
    const typed = 'Her ' + text.replace('Mother', 'mother');
    const moved = mapFindings(findings(), diffTexts(text, typed)!);
    expect(moved.map((f) => typed.slice(f.start, f.end))).toEqual(['mixed race', 'mixed-race']);
    expect(moved[0].fix && typed.slice(moved[0].fix.start, moved[0].fix.end)).toBe('mixed race');
    for (const f of moved) for (const s of f.suggestions) expect(typed.slice(s.edit.start, s.edit.end)).toBe(typed.slice(f.start, f.end));
  });

  it('drops a finding the edit touched, until the next check', () => {
    const typed = text.replace('mixed race', 'mixed background');
    const kept = mapFindings(findings(), diffTexts(text, typed)!);
    expect(kept.map((f) => typed.slice(f.start, f.end))).toEqual(['mixed-race']);
  });
});

describe('applying several fixes', () => {
  it('applies edits that do not overlap, first in reading order wins', () => {
    const result = applyEdits('one two three', [
      { start: 8, end: 13, text: '3' },
      { start: 0, end: 3, text: '1' },
      { start: 2, end: 7, text: 'overlaps the first' },
    ]);
    expect(result).toEqual({ text: '1 two 3', applied: 2 });
  });
});
