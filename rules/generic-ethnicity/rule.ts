import { defineRule } from '../../src/engine/rule.js';

// Placeholder until the rule is written: metadata only, reports nothing.
export default defineRule({
  meta: {
    id: 'generic-ethnicity',
    category: 'how-we-talk-about-people',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '2.3' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.4' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { placeholder: 'placeholder' },
    docs: {
      summary: "Record specific origins, not only 'White', 'Black' or 'Asian'.",
      rationale: '',
      examples: { bad: [], good: [] },
    },
  },
  check() {},
});
