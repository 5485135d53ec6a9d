import { defineRule } from '../../src/engine/rule.js';

// Placeholder until the rule is written: metadata only, reports nothing.
export default defineRule({
  meta: {
    id: 'race-for-ethnicity',
    category: 'how-we-talk-about-people',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '2.1' },
      { doc: '002_57226db87f2296f3.txt', clause: 'Communicate Clearly' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { placeholder: 'placeholder' },
    docs: {
      summary: "Use 'ethnicity', not 'race', to classify people.",
      rationale: '',
      examples: { bad: [], good: [] },
    },
  },
  check() {},
});
