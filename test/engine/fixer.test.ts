import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fixer.js';
import type { Edit } from '../../src/engine/rule.js';
import { dominantLineBreak, fixText, MAX_FIX_PASSES } from '../../src/fix/fix-text.js';
import { lintText } from '../../src/linter.js';

const edit = (start: number, end: number, text: string): Edit => ({ span: { start, end }, text });

describe('applyFixes', () => {
  it('applies edits in order of position whatever order they come in', () => {
    expect(applyFixes('abcdef', [edit(4, 5, 'E'), edit(0, 1, 'A')])).toEqual({ text: 'AbcdEf', applied: 2, skipped: 0 });
  });

  it('skips an edit that overlaps one already applied (it waits for the next pass)', () => {
    expect(applyFixes('abcdef', [edit(0, 3, 'X'), edit(2, 4, 'Y')])).toEqual({ text: 'Xdef', applied: 1, skipped: 1 });
  });

  it('treats touching edits as overlapping, as ESLint does', () => {
    expect(applyFixes('abcdef', [edit(0, 2, 'X'), edit(2, 4, 'Y')])).toEqual({ text: 'Xcdef', applied: 1, skipped: 1 });
  });

  it('never applies an edit outside the text or with its end before its start', () => {
    expect(applyFixes('abc', [edit(2, 1, 'X'), edit(1, 9, 'Y'), edit(-1, 0, 'Z')])).toEqual({ text: 'abc', applied: 0, skipped: 3 });
  });
});

describe('fixText', () => {
  // A toy linter: every "aa" should be "a"; overlapping matches make the fix take several passes.
  const lint = (text: string) => [...text.matchAll(/aa/g)].map((m) => edit(m.index, m.index + 2, 'a'));

  it('repeats passes, re-linting each time, until nothing is left to fix', () => {
    const result = fixText('aaaaaaaa', lint, (edits) => edits);
    expect(result.output).toBe('a');
    expect(result.linted).toEqual([]);
    expect(result.applied).toBe(7);
  });

  it('stops after MAX_FIX_PASSES even when a fix never settles', () => {
    let calls = 0;
    const flipFlop = (text: string) => {
      calls++;
      return [edit(0, text.length, text === 'x' ? 'y' : 'x')];
    };
    expect(fixText('x', flipFlop, (e) => e).output).toBe('x');
    expect(calls).toBe(MAX_FIX_PASSES + 1);
  });

  it('keeps a CRLF file CRLF when a replacement spans lines', () => {
    const result = fixText('one\r\ntwo\r\n', (t) => (t.includes('two') ? [edit(5, 8, 'too\nmany')] : []), (e) => e);
    expect(result.output).toBe('one\r\ntoo\r\nmany\r\n');
  });

  it('with the real linter, fixes are idempotent: fixing the output again changes nothing', () => {
    const lintReal = (t: string) => lintText(t, { filePath: 'n.txt' });
    const editsOf = (r: ReturnType<typeof lintReal>) => r.messages.flatMap((m) => (m.fix ? [edit(m.fix.range[0], m.fix.range[1], m.fix.text)] : []));
    const once = fixText('Mixed race boy. Mother is mixed race. Mixed-race family.\n', lintReal, editsOf);
    expect(once.output).toBe('Dual heritage boy. Mother is of dual heritage. Dual heritage family.\n');
    const twice = fixText(once.output, lintReal, editsOf);
    expect(twice.output).toBe(once.output);
    expect(twice.applied).toBe(0);
  });
});

describe('dominantLineBreak', () => {
  it('picks the line break most lines use', () => {
    expect(dominantLineBreak('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(dominantLineBreak('a\nb\nc\r\n')).toBe('\n');
    expect(dominantLineBreak('no breaks')).toBe('\n');
  });
});
