import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCustomTerms } from '../../src/config/custom-terms.js';
import { ConfigError } from '../../src/config/config.js';
import { lintText } from '../../src/linter.js';
import { tempProject } from '../helpers/cli.js';
import { runCliBounded, STACK_LINE, stderrLines } from './support.js';

/**
 * Custom patterns come from users' configuration, so they cannot be trusted to be efficient. They run on
 * RE2JS (linear time), so the classic catastrophic-backtracking patterns, which would take longer than the
 * age of the universe on a backtracking engine against these texts, finish at once.
 */
const CATASTROPHIC: [string, string][] = [
  ['(a+)+$', 'a'.repeat(30_000) + '!'],
  ['(a|aa)+$', 'a'.repeat(30_000) + '!'],
  ['(\\w+\\s?)+$', 'word '.repeat(6_000) + '!'],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.repeat(500) + '!'],
  ['(.*a){25}', 'a'.repeat(20_000)],
];

describe('custom patterns cannot hang the linter', () => {
  for (const [pattern, text] of CATASTROPHIC) {
    it(`${pattern} against ${text.length} characters`, () => {
      const config = { terms: [{ id: 'redos', pattern }] };
      const start = process.cpuUsage();
      const result = lintText(text, { config });
      const used = process.cpuUsage(start);
      expect((used.user + used.system) / 1000).toBeLessThan(5_000);
      // The pattern really ran: results are whatever RE2 finds, and no exception escaped.
      expect(result.fatalErrorCount).toBe(0);
    }, 30_000);
  }

  it('(a+)+$ still finds what it should', () => {
    const result = lintText('Code aaaa', { config: { terms: [{ id: 'redos', pattern: '(a+)+$' }] } });
    expect(result.messages.map((m) => `${m.ruleId}@${m.column}-${m.endColumn}`)).toEqual(['custom-terms@6-10']);
  });

  const project = tempProject({
    '.anti-racist-lintrc.json': JSON.stringify({ terms: [{ id: 'redos', pattern: '(a+)+$', message: 'matched' }] }),
  });
  afterAll(project.cleanup);

  it('through the CLI, on a 1 MB line that a backtracking engine would never finish', () => {
    writeFileSync(join(project.dir, 'attack.txt'), 'a'.repeat(1_000_000) + '!\nMother is mixed race.\n');
    const r = runCliBounded(['--format', 'json', 'attack.txt'], { cwd: project.dir, timeoutMs: 60_000 });
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toBe('');
    const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number }[] }[];
    // The long run of a's is cut into pieces that each end in "a", so the pattern matches on line 1; the point
    // is that the run finished and the next line was still linted.
    expect(new Set(result.messages.map((m) => `${m.ruleId}@${m.line}`))).toEqual(new Set(['custom-terms@1', 'mixed-race@2']));
  }, 90_000);
});

describe('custom terms are checked when the configuration loads', () => {
  const problem = (terms: unknown) => {
    try {
      compileCustomTerms(terms, '.anti-racist-lintrc.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    return 'accepted';
  };

  it.each([
    [{ id: 'x', pattern: '(?<=Mr )White' }, 'terms[0].pattern: look-ahead and look-behind are not supported'],
    [{ id: 'x', pattern: '(?!not)word' }, 'terms[0].pattern: look-ahead and look-behind are not supported'],
    [{ id: 'x', pattern: '(a)\\1' }, 'terms[0].pattern: back-references such as \\1 are not supported'],
    [{ id: 'x', pattern: '[unclosed' }, 'terms[0].pattern: invalid regular expression: missing closing ]'],
    [{ id: 'x', pattern: 'a*' }, 'terms[0].pattern: the pattern matches an empty string'],
    [{ id: 'x', pattern: 'a'.repeat(1001) }, 'terms[0].pattern: pattern too long (1001 characters; at most 1000)'],
    [{ id: 'x', pattern: 42 }, 'terms[0].pattern: expected a regular expression as a string'],
    [{ id: 'x' }, 'terms[0]: needs "match" (phrases) or "pattern"'],
    [{ id: 'x', match: [] }, 'terms[0].match: expected a non-empty list of phrases'],
    [{ id: 'x', match: ['ok'], suggest: 'one' }, 'terms[0].suggest: expected a list of suggested wordings'],
    [{ id: 'x', match: ['ok'], severity: 'loud' }, 'terms[0].severity: invalid severity "loud"'],
    [{ id: 'x', match: ['ok'], colour: 'red' }, 'terms[0].colour: unknown key'],
    [{ id: 'two words', match: ['ok'] }, 'terms[0].id: expected an id'],
    [{ id: 'x', match: ['* first'] }, 'terms: term "x" pattern "* first" may not start with *'],
  ])('%j → %s', (term, expected) => {
    expect(problem([term])).toContain(`.anti-racist-lintrc.json: ${expected}`);
  });

  it('rejects duplicate ids and a phrase listed twice, and a list that is not a list', () => {
    expect(problem([{ id: 'a', match: ['x'] }, { id: 'a', match: ['y'] }])).toContain('terms[1].id: duplicate term id "a"');
    expect(problem([{ id: 'a', match: ['service user'] }, { id: 'b', match: ['service-user'] }])).toContain('phrase "service-user" appears in both "a" and "b"');
    expect(problem({ id: 'a' })).toContain('terms: expected a list of terms');
  });

  it('accepts a valid list', () => {
    expect(problem([{ id: 'a', match: ['service user|users'], pattern: '\\bPC-\\d+', caseSensitive: true, message: 'm {term}', suggest: ['s'], severity: 'info' }])).toBe('accepted');
  });

  it('the CLI reports a bad pattern in one line naming the file and entry, with no stack trace', () => {
    const p = tempProject({ '.anti-racist-lintrc.json': JSON.stringify({ terms: [{ id: 'ok', match: ['fine'] }, { id: 'bad', pattern: '(x)\\1' }] }), 'a.txt': 'text' });
    try {
      const r = runCliBounded(['a.txt'], { cwd: p.dir, timeoutMs: 30_000 });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(stderrLines(r.stderr)).toEqual([
        'anti-racist-lint: configuration error: .anti-racist-lintrc.json: terms[1].pattern: back-references such as \\1 are not supported (patterns run on a linear-time engine that cannot hang)',
      ]);
    } finally {
      p.cleanup();
    }
  });
});
