import { defineRule } from '../../src/engine/rule.js';

// Placeholder until the rule is written: metadata only, reports nothing.
export default defineRule({
  meta: {
    id: 'identity-details',
    category: 'ask-and-understand',
    severity: 'warning',
    standards: [
      { doc: '002_57226db87f2296f3.txt', clause: 'Ask and Understand' },
      { doc: '001_131b8ae94af47271.txt', clause: '1.2' },
      { doc: '001_131b8ae94af47271.txt', clause: '1.3' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.4' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { placeholder: 'placeholder' },
    docs: {
      summary: "Referrals and assessments record identity in the person's own words, religion and language.",
      rationale: '',
      examples: { bad: [], good: [] },
    },
  },
  check() {},
});
