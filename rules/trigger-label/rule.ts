import { defineRule } from '../../src/engine/rule.js';

// Placeholder until the rule is written: metadata only, reports nothing.
export default defineRule({
  meta: {
    id: 'trigger-label',
    category: 'how-we-talk-about-people',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '2.9' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.10' },
      { doc: '002_57226db87f2296f3.txt', clause: 'Communicate Clearly' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { placeholder: 'placeholder' },
    docs: {
      summary: "Describe behaviour instead of labels such as 'aggressive' or 'hostile'.",
      rationale: '',
      examples: { bad: [], good: [] },
    },
  },
  check() {},
});
