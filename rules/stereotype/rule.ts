import { defineRule } from '../../src/engine/rule.js';

// Placeholder until the rule is written: metadata only, reports nothing.
export default defineRule({
  meta: {
    id: 'stereotype',
    category: 'how-we-talk-about-people',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '2.7' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.12' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.13' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { placeholder: 'placeholder' },
    docs: {
      summary: "Do not generalise about a group's culture or parenting.",
      rationale: '',
      examples: { bad: [], good: [] },
    },
  },
  check() {},
});
