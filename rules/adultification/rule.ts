import { defineRule } from '../../src/engine/rule.js';

// Placeholder until the rule is written: metadata only, reports nothing.
export default defineRule({
  meta: {
    id: 'adultification',
    category: 'safeguarding-children',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '1.11' },
      { doc: '002_57226db87f2296f3.txt', clause: 'Think, Plan and Engage' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { placeholder: 'placeholder' },
    docs: {
      summary: "Do not describe children as adult-like or blame them for their exploitation.",
      rationale: '',
      examples: { bad: [], good: [] },
    },
  },
  check() {},
});
