import { defineRule } from '../../src/engine/rule.js';
import { loadTermsBeside, TermMatcher, type TermHit } from '../../src/terms/compile.js';
import { termReport } from '../../src/engine/term-report.js';
import { compileLexicon, findTarget, SentenceView, subjectBefore, type Target } from '../../src/nlp/applies-to.js';
import { isInsideCompound, isNegated, wordsAfter } from '../../src/nlp/label-context.js';
import { isUnquotedMention } from '../../src/parse/quotes.js';

/** 'resistant to antibiotics', 'resistant to damp': resistance of a body or material, not of a family. */
const MATERIAL_RESISTANCE = /^\s+to\s+(?:the\s+)?(?:antibiotics?|antibiotic|treatment|medication|medicines?|drugs?|insulin|chemotherapy|infections?|disease|damp|water|fire|heat|stains?|wear|tampering|corrosion|frost|weather)\b/i;
/** 'not engaging in offending': keeping away from a risk is not a deficit. */
const AVOIDED_RISK = /^\s+in\s+(?:any\s+)?(?:risky|risk|criminal|crime|offending|drug|drugs|substance|self-harm|harmful|anti-social|antisocial|sexual|violent|violence|gang)\b/i;

/** Words that 'chaotic' and 'resistant' describe as a deficit of the family besides people themselves. */
const DEFICIT_LEXICON = compileLexicon({ person: ['lifestyle', 'lifestyles', 'life', 'lives', 'upbringing', 'parenting', 'background'] });

export default defineRule({
  meta: {
    id: 'deficit-framing',
    category: 'clear-recording',
    severity: 'warning',
    standards: [{ doc: '001_131b8ae94af47271.txt', clause: '1.5' }],
    fix: 'none',
    needs: ['sentences', 'quotes', 'pos'],
    messages: {
      deficit: '“{term}” puts the problem in the family rather than in the service and its barriers. {note}',
    },
    docs: {
      summary: "Describe what was offered and what got in the way, not 'hard to reach' or 'non-engaging' families.",
      rationale:
        "Standard 1.5 recognises that families' fear of and resistance to our involvement can rest on legitimate concerns about disproportionality and past treatment by the state, and that this shapes how we try to engage. NSPCC's 'Why language matters' series asks services to stop calling people 'hard to reach' and to take responsibility for access; 'failed to engage', 'non-compliant', 'disguised compliance' and 'chaotic lifestyle' likewise blame the person and hide what was offered, how and in what language. The rule reports these phrases when they describe a family or person; 'hard to reach' of a shelf, 'resistant to antibiotics', 'water-resistant' and a service that 'failed to engage' fathers are left alone, and 'was not brought' is the recommended wording.",
      examples: {
        bad: [
          'The family are hard to reach.',
          'Mr Adeyemi failed to engage with the parenting course.',
          'Mum has a chaotic lifestyle.',
          'The parents remain non-compliant with the plan.',
        ],
        good: [
          'Ms Begum did not take up the parenting course; it ran only in English on weekday mornings, when she works.',
          'The medicine is kept in a cupboard that is hard to reach.',
          'The infection was resistant to antibiotics.',
          'Amara was not brought to her last two dental appointments.',
        ],
      },
    },
  },
  terms: new TermMatcher(loadTermsBeside(import.meta.url), 'deficit-framing/terms.yml'),
  check(doc, ctx) {
    for (const hit of ctx.termHits()) {
      const descriptor = termReport(ctx, hit, 'deficit');
      // Inside quotation marks the engine decides whose words they are.
      if (!ctx.quoteAt(hit.span) && isUnquotedMention(doc.text, hit)) {
        ctx.exempt(descriptor, 'mention', 'the phrase is being discussed, not used');
        continue;
      }
      const reason = legitimateUse(hit, doc.text, () => ctx.tags(hit.sentence));
      if (reason) ctx.exempt(descriptor, 'legitimate-sense', reason);
      else ctx.report(descriptor);
    }
  },
});

function legitimateUse(hit: TermHit, source: string, tags: () => Set<string>[]): string | undefined {
  if (isInsideCompound(hit)) return `part of the compound “${hit.sentence.tokens[hit.first].text}”`;
  const after = wordsAfter(source, hit);
  const id = hit.term.id;
  if (id === 'resistant' && MATERIAL_RESISTANCE.test(after)) return 'resistance of a body or material';
  if (id === 'not-engaging' && AVOIDED_RISK.test(after)) return 'keeping away from a risk';
  if (id === 'hard-to-reach' && /^\s+(?:by|on|via)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:mobile\s+)?(?:phone|telephone|e-?mail|text|post|letter)\b/i.test(after)) {
    return 'a practical note about a contact route';
  }
  if (id !== 'not-engaging' && isNegated(hit)) return 'negated';
  const applies = hit.term.applies as 'person' | 'not-service' | 'always';
  if (applies === 'always') return undefined;
  const view = new SentenceView(hit.sentence, tags(), source, DEFICIT_LEXICON);
  let target = findTarget(view, hit.first, hit.last);
  // 'failed to engage', 'has disengaged': a verb phrase describes its subject.
  if (hit.term.verb === true && !(target.relation === 'attributive' && followsDeterminer(hit))) target = { ...subjectBefore(view, hit.first), relation: 'predicative', comodifiers: [] };
  return describesFamily(target, applies) ? undefined : whyNot(target);
}

/** 'a disengaged father': the participle is used as an adjective. */
function followsDeterminer(hit: TermHit): boolean {
  return /^(?:a|an|the|this|that|these|those|his|her|their|our|your)$/.test(hit.sentence.tokens[hit.first - 1]?.normal ?? '');
}

function describesFamily(target: Target, applies: 'person' | 'not-service'): boolean {
  if (applies === 'not-service') return target.kind !== 'service' && target.kind !== 'thing';
  return target.kind === 'person' || target.kind === 'behaviour' || (target.kind === 'none' && target.elided === true);
}

function whyNot(target: Target): string {
  if (target.kind === 'service') return `describes a service (“${target.head?.text ?? ''}”), not a family`;
  return target.head ? `describes “${target.head.text}”, not a person` : 'no person it describes could be found';
}
