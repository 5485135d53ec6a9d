import { defineRule } from '../../src/engine/rule.js';

// Placeholder until the rule is written: metadata only, reports nothing.
export default defineRule({
  meta: {
    id: 'jargon',
    category: 'clear-recording',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '1.9' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { placeholder: 'placeholder' },
    docs: {
      summary: "Explain abbreviations a family would not know on first use.",
      rationale: '',
      examples: { bad: [], good: [] },
    },
  },
  check() {},
});
