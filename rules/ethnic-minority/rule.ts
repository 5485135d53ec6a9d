import { defineRule } from '../../src/engine/rule.js';

// Placeholder until the rule is written: metadata only, reports nothing.
export default defineRule({
  meta: {
    id: 'ethnic-minority',
    category: 'how-we-talk-about-people',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: 'preface' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { placeholder: 'placeholder' },
    docs: {
      summary: "Avoid 'BAME', 'BME', 'ethnic minority' and 'non-white'.",
      rationale: '',
      examples: { bad: [], good: [] },
    },
  },
  check() {},
});
