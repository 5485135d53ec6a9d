import { defineRule, type RuleContext } from '../../src/engine/rule.js';
import { matchCase } from '../../src/engine/term-report.js';
import type { CompiledCustomTerms, CustomTerm } from '../../src/config/custom-terms.js';
import type { Document, Span } from '../../src/document/types.js';

/**
 * Reports the organisation's own terms from the configuration's `terms` list (validated and compiled by
 * src/config/custom-terms.ts, handed over as the `terms` option). With no `terms` configured it reports
 * nothing. Quotation exemptions apply as for every rule.
 */
export default defineRule({
  meta: {
    id: 'custom-terms',
    category: 'how-we-talk-about-people',
    // The most any custom term can reach; each term sets its own level (warn unless it says otherwise).
    severity: 'error',
    standards: [
      { doc: '001_131b8ae94af47271.txt', clause: 'preface' },
      { doc: '001_131b8ae94af47271.txt', clause: '2.8' },
    ],
    fix: 'suggestion',
    needs: ['sentences', 'quotes'],
    messages: { custom: '{message}' },
    // For the batch pre-scan: the configured phrases' anchor words; a `pattern` term (RE2 syntax, which no
    // word list can stand for) makes the rule read every sentence.
    triggers: (options) => {
      const compiled = options.terms as CompiledCustomTerms | undefined;
      if (!compiled) return {};
      if (compiled.terms.some((t) => t.pattern)) return 'always';
      return { words: compiled.phrases?.triggerWords() ?? [] };
    },
    docs: {
      summary: "Your organisation's own terms to avoid, from the configuration's `terms` list.",
      rationale:
        "The standards say language is constantly evolving and that they record the directorate's current preferred language (preface), and that language can build damaging narratives about families (2.8). Each organisation keeps its own list as well: local jargon, wording a review has retired, names of systems. Put them in the configuration under `terms`, each with an `id`, `match` phrases (the terms.yml syntax) or a `pattern` (a regular expression run on a linear-time engine, so no pattern can make the linter hang; RE2 syntax, no look-around or back-references, matched within a sentence and ignoring case unless `caseSensitive` is true), and optionally a `message` (`{term}` is the matched text), `suggest` wordings and a `severity` (info, warn or error; warn by default). The examples below assume `\"terms\": [{ \"id\": \"service-user\", \"match\": [\"service user|users\"], \"suggest\": [\"the person's name\"] }, { \"id\": \"non-compliant\", \"pattern\": \"\\\\bnon-?complian(?:t|ce)\\\\b\" }]`.",
      examples: {
        bad: ['The service user was seen at home.', 'Mother was described as non-compliant with the plan.'],
        good: ['Ms Okafor was seen at home.', 'Mother said the plan did not fit her working hours.'],
      },
    },
  },
  check(doc, ctx) {
    const compiled = ctx.options.terms as CompiledCustomTerms | undefined;
    if (!compiled) return;
    const byId = new Map(compiled.terms.map((t) => [t.id, t]));
    for (const hit of compiled.phrases?.match(doc.sentences, doc.text) ?? []) {
      const term = byId.get(hit.term.id);
      if (term) reportTerm(ctx, term, hit.span, hit.text);
    }
    for (const term of compiled.terms) {
      if (!term.pattern) continue;
      for (const span of patternMatches(doc, term)) reportTerm(ctx, term, span, doc.text.slice(span.start, span.end));
    }
  },
});

/** Non-empty matches of a term's pattern within each sentence (RE2JS: linear in the sentence length). */
function* patternMatches(doc: Document, term: CustomTerm): Generator<Span> {
  for (const sentence of doc.sentences) {
    const text = doc.text.slice(sentence.span.start, sentence.span.end);
    const matcher = term.pattern!.matcher(text);
    while (matcher.find()) {
      if (matcher.end() > matcher.start()) yield { start: sentence.span.start + matcher.start(), end: sentence.span.start + matcher.end() };
    }
  }
}

function reportTerm(ctx: RuleContext, term: CustomTerm, span: Span, text: string): void {
  ctx.report({
    messageId: 'custom',
    span,
    data: { message: term.message.replace(/\{term\}/g, text) },
    severity: term.severity,
    suggest: term.suggest.map((s) => ({ desc: `Replace with “${matchCase(text, s)}”`, edit: ctx.replace(span, matchCase(text, s)) })),
  });
}
