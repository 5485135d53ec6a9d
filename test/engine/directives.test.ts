import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/linter.js';

const md = (text: string, options: Parameters<typeof lintText>[1] = {}) => lintText(text, { filePath: 'note.md', ...options });
const lines = (r: ReturnType<typeof lintText>) => r.messages.map((m) => `${m.line}:${m.ruleId}`);
const suppressedLines = (r: ReturnType<typeof lintText>) => r.suppressedMessages.filter((m) => m.suppressions[0].kind === 'directive').map((m) => m.line);

describe('in-document directives', () => {
  it('disable … enable switches a rule off for the lines between', () => {
    const r = md('A mixed race boy.\n\n<!-- anti-racist-lint-disable mixed-race -->\n\nA mixed race girl.\n\n<!-- anti-racist-lint-enable mixed-race -->\n\nA mixed race man.\n');
    expect(lines(r)).toEqual(['1:mixed-race', '9:mixed-race']);
    expect(suppressedLines(r)).toEqual([5]);
  });

  it('disable without a rule list covers every rule; enable of one rule re-enables only that rule', () => {
    const all = md('<!-- anti-racist-lint-disable -->\n\nA mixed race boy.\n');
    expect(all.messages).toEqual([]);
    const partial = md('<!-- anti-racist-lint-disable -->\n\n<!-- anti-racist-lint-enable mixed-race -->\n\nA mixed race boy.\n');
    expect(lines(partial)).toEqual(['5:mixed-race']);
  });

  it('disabling another rule leaves this one on', () => {
    const r = md('<!-- anti-racist-lint-disable jargon, trigger-label -->\n\nA mixed race boy.\n');
    expect(lines(r)).toEqual(['3:mixed-race']);
  });

  it('disable-next-line covers the next line only', () => {
    const r = md('<!-- anti-racist-lint-disable-next-line mixed-race -->\nA mixed race boy.\nA mixed race girl.\n');
    expect(lines(r)).toEqual(['3:mixed-race']);
  });

  it('disable-line covers its own line, wherever the comment is on it', () => {
    const r = md('A mixed race boy. <!-- anti-racist-lint-disable-line mixed-race -->\nA mixed race girl.\n');
    expect(lines(r)).toEqual(['2:mixed-race']);
  });

  it('keeps the reason after -- as the justification', () => {
    const r = md('<!-- anti-racist-lint-disable-next-line mixed-race -- verbatim quotation of the 2019 policy -->\nA mixed race boy.\n');
    expect(r.suppressedMessages[0].suppressions).toEqual([{ kind: 'directive', justification: 'verbatim quotation of the 2019 policy' }]);
  });

  it('is ignored with inlineConfig: false', () => {
    const r = md('<!-- anti-racist-lint-disable -->\n\nA mixed race boy.\n', { inlineConfig: false });
    expect(lines(r)).toEqual(['3:mixed-race']);
  });

  it('reports a directive that suppressed nothing when asked, naming the unused rule', () => {
    const text = '<!-- anti-racist-lint-disable-next-line mixed-race, jargon -->\nA mixed race boy.\n';
    expect(md(text).messages).toEqual([]);
    const r = md(text, { reportUnusedDisableDirectives: 'warning' });
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({ ruleId: 'unused-disable-directive', severity: 1, line: 1 });
    expect(r.messages[0].message).toContain("'jargon'");
  });

  it('reports an unknown rule id in a directive as an error', () => {
    const r = md('<!-- anti-racist-lint-disable mixed-rase -->\n\nText.\n');
    expect(r.messages).toMatchObject([{ ruleId: 'invalid-directive', severity: 2, line: 1 }]);
    expect(r.messages[0].message).toContain('"mixed-rase"');
  });

  it('works in plain text when the comment is alone on its line, which is then not prose', () => {
    const r = lintText('<!-- anti-racist-lint-disable-next-line mixed-race -- quoted from the old form -->\nEthnicity: mixed race\nEthnicity: mixed race\n', { filePath: 'form.txt' });
    expect(lines(r)).toEqual(['3:mixed-race']);
    expect(suppressedLines(r)).toEqual([2]);
  });

  it('other HTML comments are not directives', () => {
    expect(lines(md('<!-- reviewed by the team -->\nA mixed race boy.\n'))).toEqual(['2:mixed-race']);
  });
});
