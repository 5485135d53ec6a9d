import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/formatters/github.js';
import type { LintResult } from '../../src/linter.js';

describe('github workflow-command escaping', () => {
  it('escapes %, CR and LF in messages so a message cannot end the command or start another', () => {
    expect(escapeData('50% of\r\n::error::x')).toBe('50%25 of%0D%0A::error::x');
  });

  it('also escapes : and , in property values', () => {
    expect(escapeProperty('a,b:c%d\n')).toBe('a%2Cb%3Ac%25d%0A');
  });

  it('maps info findings to ::notice and leaves out the clause when there is none', () => {
    const result: LintResult = {
      filePath: '/w/notes/a.txt',
      messages: [{ ruleId: 'unused-disable-directive', severity: 0, message: 'Unused\ndirective', messageId: 'x', clause: '', line: 3, column: 1, endLine: 3, endColumn: 40 }],
      suppressedMessages: [],
      errorCount: 0,
      warningCount: 0,
      infoCount: 1,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
    expect(formatGithub([result], { root: '/w' })).toBe('::notice file=notes/a.txt,line=3,col=1,endLine=3,endColumn=40,title=unused-disable-directive::Unused%0Adirective\n');
  });
});
