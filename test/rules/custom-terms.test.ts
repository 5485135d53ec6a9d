import { describe, expect, it } from 'vitest';
import rule from '../../rules/custom-terms/rule.js';
import type { Rule } from '../../src/engine/rule.js';
import { compileCustomTerms } from '../../src/config/custom-terms.js';
import { lintText } from '../../src/linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

// The configuration the rule's documentation examples assume (see its rationale), plus a few more shapes.
const EXAMPLE_TERMS = [
  { id: 'service-user', match: ['service user|users'], suggest: ["the person's name"] },
  { id: 'non-compliant', pattern: '\\bnon-?complian(?:t|ce)\\b' },
  { id: 'frequent-flyer', match: ['frequent flyer'], message: '“{term}” makes light of repeated need.', severity: 'error' },
  { id: 'pc-code', pattern: '\\bPC-[0-9]{3}\\b', caseSensitive: true, severity: 'info' },
];
const compiled = compileCustomTerms(EXAMPLE_TERMS, 'test');

/** The rule as the engine runs it once the configuration above is loaded. */
const configured: Rule = { ...rule, check: (doc, ctx) => rule.check(doc, { ...ctx, options: { ...ctx.options, terms: compiled } }) };

ruleTester(configured, {
  valid: [
    'Ms Okafor was seen at home.',
    'The user guide for the service was updated.',
    'He complied with the plan.',
    'She is a frequent visitor to the library.',
    'Reference pc-123 is written in lower case here.',
    'The service, user feedback and the plan were discussed.',
    { text: 'She said: "I am not a service user, I am a mother."', note: 'quoted speech is exempt' },
    { text: 'We no longer use the term "non-compliant" in plans.', note: 'a word being discussed' },
    'The PC-12 form is not a three-digit code.',
    'Mother was noncommittal about the date.',
    { text: '```\nservice user in a code block\n```\n', format: 'markdown', note: 'code is not prose' },
  ],
  invalid: [
    { text: 'The ⟦service user⟧ was seen at home.', errors: [{ messageId: 'custom', severity: 'warning', suggestions: ["the person's name"] }] },
    { text: 'Two ⟦service users⟧ attended.', errors: [{ severity: 'warning', suggestions: 1 }] },
    { text: '⟦Service user⟧ refused the visit.', errors: [{ suggestions: ["The person's name"] }] },
    { text: 'Mother was described as ⟦non-compliant⟧ with the plan.', errors: [{ severity: 'warning', suggestions: 0 }] },
    { text: 'Recorded ⟦NON-COMPLIANCE⟧ again.', errors: [{ severity: 'warning' }] },
    { text: 'He was ⟦noncompliant⟧.', errors: [{ severity: 'warning' }] },
    { text: 'He is a ⟦frequent flyer⟧ at A&E.', errors: [{ severity: 'error' }] },
    { text: 'See ⟦PC-123⟧ for the history.', errors: [{ severity: 'info' }] },
    { text: 'The ⟦service user⟧ was ⟦non-compliant⟧.', errors: [{ severity: 'warning' }, { severity: 'warning' }] },
    { text: 'First line.\r\nThe ⟦service user⟧ moved.\rThen ⟦noncompliance⟧ was noted.', note: 'CRLF and CR line endings' },
    { text: '# Plan\n\nThe ⟦service user⟧ agreed.\n', format: 'markdown' },
  ],
});

describe('custom-terms messages and severity', () => {
  it('uses the term message with {term} filled in, and the default message otherwise', () => {
    const config = { terms: EXAMPLE_TERMS };
    const [flyer, user] = lintText('A frequent flyer. A service user.', { config }).messages.filter((m) => m.ruleId === 'custom-terms');
    expect(flyer.message).toBe('“frequent flyer” makes light of repeated need.');
    expect(user.message).toBe('“service user” is on this organisation’s list of terms to avoid.');
  });

  it('reports nothing without configured terms, and can be switched off like any rule', () => {
    expect(lintText('The service user was seen.').messages.filter((m) => m.ruleId === 'custom-terms')).toEqual([]);
    const off = lintText('The service user was seen.', { config: { terms: EXAMPLE_TERMS, rules: { 'custom-terms': 'off' } } });
    expect(off.messages.filter((m) => m.ruleId === 'custom-terms')).toEqual([]);
  });

  it('the rule severity caps every term (warn makes an error term a warning)', () => {
    const capped = lintText('A frequent flyer.', { config: { terms: EXAMPLE_TERMS, rules: { 'custom-terms': 'warn' } } });
    expect(capped.messages.find((m) => m.ruleId === 'custom-terms')?.severity).toBe(1);
  });
});
