import { defineRule } from '../../src/engine/rule.js';

// Placeholder until the rule is written: metadata only, reports nothing.
export default defineRule({
  meta: {
    id: 'outdated-term',
    category: 'how-we-talk-about-people',
    severity: 'error',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '2.1' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.2' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { placeholder: 'placeholder' },
    docs: {
      summary: "Slurs and outdated or othering terms for people.",
      rationale: '',
      examples: { bad: [], good: [] },
    },
  },
  check() {},
});
