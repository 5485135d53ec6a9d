import { defineRule } from '../../src/engine/rule.js';
import { loadTermsBeside, TermMatcher } from '../../src/terms/compile.js';
import { matchCase, termReport } from '../../src/engine/term-report.js';

const COPULA = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'am']);

export default defineRule({
  meta: {
    id: 'mixed-race',
    category: 'how-we-talk-about-people',
    severity: 'warning',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: '2.1' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.4' },
    ],
    fix: 'safe',
    needs: ['sentences', 'quotes'],
    messages: {
      mixedRace: '“{term}”: the standards use “dual heritage” rather than “mixed race”. {note}',
    },
    docs: {
      summary: "Use 'dual heritage' (with the specific heritages) rather than 'mixed race', 'biracial' or 'half-white'.",
      rationale:
        "Standard 2.1 says we use 'ethnicity' rather than 'race' because race is a social construct used to support racism, and so 'dual heritage' rather than 'mixed race'. Standard 2.4 asks for the specific countries of origin. A person's own description of themselves, in quotation marks, is kept as they said it (2.2).",
      examples: {
        bad: ['Mother is mixed race.', 'Riley is a mixed-race boy of four.', 'Kayden (7), half-white, lives with his grandmother.'],
        good: [
          'Riley is of dual heritage (his father is Jamaican and his mother is from Leeds).',
          'Ms Anand-Hughes describes herself as "mixed race – my dad is Punjabi and my mum is from Cardiff".',
          'He has mixed feelings about the move.',
        ],
      },
    },
  },
  terms: new TermMatcher(loadTermsBeside(import.meta.url), 'mixed-race/terms.yml'),
  check(doc, ctx) {
    for (const hit of ctx.termHits()) {
      const descriptor = termReport(ctx, hit, 'mixedRace');
      // "is mixed race" reads best as "is of dual heritage".
      const previous = hit.sentence.tokens[hit.first - 1];
      if (descriptor.fix && previous && COPULA.has(previous.normal) && !/^of\b/i.test(descriptor.fix.text)) {
        descriptor.fix = ctx.replace(hit.span, `of ${matchCase(hit.text, descriptor.fix.text).replace(/^D/, 'd')}`);
      }
      ctx.report(descriptor);
    }
  },
});
