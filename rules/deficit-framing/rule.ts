import { defineRule } from '../../src/engine/rule.js';

// Placeholder until the rule is written: metadata only, reports nothing.
export default defineRule({
  meta: {
    id: 'deficit-framing',
    category: 'clear-recording',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '1.5' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { placeholder: 'placeholder' },
    docs: {
      summary: "Describe what was offered and what got in the way, not 'hard to reach' families.",
      rationale: '',
      examples: { bad: [], good: [] },
    },
  },
  check() {},
});
