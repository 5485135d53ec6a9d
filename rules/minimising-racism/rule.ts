import { defineRule } from '../../src/engine/rule.js';

// Placeholder until the rule is written: metadata only, reports nothing.
export default defineRule({
  meta: {
    id: 'minimising-racism',
    category: 'responding-to-racism',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '3.2' },
      { doc: '001_131b8ae94af47271.txt', clause: '4.5' },
      { doc: '001_131b8ae94af47271.txt', clause: '5.12' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { placeholder: 'placeholder' },
    docs: {
      summary: "Name racism as racism; do not doubt or soften a disclosure.",
      rationale: '',
      examples: { bad: [], good: [] },
    },
  },
  check() {},
});
