import { defineRule } from '../../src/engine/rule.js';
import { loadTermsBeside, TermMatcher, type TermEntry, type TermHit } from '../../src/terms/compile.js';
import type { Token } from '../../src/document/types.js';
import { termReport } from '../../src/engine/term-report.js';
import { compileLexicon, findTarget, SentenceView, subjectBefore, type CompiledLexicon, type Target } from '../../src/nlp/applies-to.js';
import { quickTarget, quickVerbSubject } from '../../src/nlp/quick-target.js';
import { isInsideCompound, isNegated, wordsAfter, wordsBefore } from '../../src/nlp/label-context.js';
import { isUnquotedMention } from '../../src/parse/quotes.js';

/** 'resistant to antibiotics', 'resistant to damp': resistance of a body or material, not of a family. */
const MATERIAL_RESISTANCE = /^\s+to\s+(?:the\s+)?(?:antibiotics?|antibiotic|treatment|medication|medicines?|drugs?|insulin|chemotherapy|infections?|disease|damp|water|fire|heat|stains?|wear|tampering|corrosion|frost|weather)\b/i;
/** 'not engaging in offending': keeping away from a risk is not a deficit. */
const AVOIDED_RISK = /^\s+in\s+(?:any\s+)?(?:education|employment|training|paid work|risky|risk|criminal|crime|offending|drug|drugs|substance|self-harm|harmful|anti-social|antisocial|sexual|violent|violence|gang)\b/i;

/** Words that 'chaotic' and 'resistant' describe as a deficit of the family besides people themselves. */
const DEFICIT_PERSON = ['lifestyle', 'lifestyles', 'life', 'lives', 'upbringing', 'parenting', 'background'];
/** 'could not engage', 'was unable to engage': a barrier, not a refusal. */
const UNABLE_BEFORE = /\b(?:could|couldn't|cannot|can't|unable to|able to)\s+$/i;

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
        "Standard 1.5 recognises that families' fear of and resistance to our involvement can rest on legitimate concerns about disproportionality and past treatment by the state, and that this shapes how we try to engage. NSPCC's 'Why language matters' series asks services to stop calling people 'hard to reach' and to take responsibility for access; 'failed to engage', 'non-compliant', 'disguised compliance' and 'chaotic lifestyle' likewise blame the person and hide what was offered, how and in what language. The rule reports these phrases, in any tense ('fails to engage', 'did not engage', 'refusing to engage'), when they describe a family, a person or their home ('the household is chaotic'); 'hard to reach' of a shelf, 'resistant to antibiotics', 'water-resistant', a service or a worker that 'failed to engage' fathers, and a parent who 'could not engage' because of a barrier are left alone, and 'was not brought' is the recommended wording.",
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
      // Inside quotation marks the engine decides whose words they are (and exempts them): no need to analyse.
      if (ctx.quoteAt(hit.span)) {
        ctx.report(descriptor);
        continue;
      }
      if (isUnquotedMention(doc.text, hit)) {
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
  if (id === 'not-engaging' && UNABLE_BEFORE.test(wordsBefore(source, hit))) return 'says the person could not take part, not that they would not';
  if (id !== 'not-engaging' && isNegated(hit, source)) return 'negated';
  const applies = hit.term.applies as 'person' | 'not-service' | 'always';
  if (applies === 'always') return undefined;
  const lexicon = lexiconFor(hit.term);
  const target = targetOf(hit, source, lexicon, tags);
  return describesFamily(target, applies) || describesHome(target, hit.sentence.tokens, hit.term) ? undefined : whyNot(target);
}

/**
 * Who or what the phrase describes: the subject of a verb phrase ('failed to engage', 'has disengaged'), else
 * the noun it modifies or the subject it is predicated of. Tags are computed only when the words cannot decide.
 */
function targetOf(hit: TermHit, source: string, lexicon: CompiledLexicon, tags: () => Set<string>[]): Target {
  const { sentence, first, last } = hit;
  if (hit.term.verb === true && !followsDeterminer(hit)) {
    return quickVerbSubject(sentence, source, first, lexicon) ?? { ...subjectBefore(new SentenceView(sentence, tags(), source, lexicon), first), relation: 'predicative', comodifiers: [] };
  }
  return quickTarget(sentence, source, first, last, lexicon) ?? findTarget(new SentenceView(sentence, tags(), source, lexicon), first, last);
}

const lexicons = new Map<TermEntry, CompiledLexicon>();

/** The shared deficit lexicon plus the nouns a term names itself (`describes:` in terms.yml). */
function lexiconFor(term: TermEntry): CompiledLexicon {
  let lexicon = lexicons.get(term);
  if (!lexicon) {
    lexicon = compileLexicon({ person: [...DEFICIT_PERSON, ...describedNouns(term)] });
    lexicons.set(term, lexicon);
  }
  return lexicon;
}

function describedNouns(term: TermEntry): string[] {
  return Array.isArray(term.describes) ? term.describes.map(String) : [];
}

/** 'the home environment is chaotic', 'home conditions are chaotic': a compound on a noun the term names. */
function describesHome(target: Target, tokens: readonly Token[], term: TermEntry): boolean {
  const head = target.head;
  if (!head || target.kind !== 'thing') return false;
  const before = tokens[head.index - 1];
  return before !== undefined && before.span.end + 1 >= head.span.start && describedNouns(term).includes(before.normal);
}

/** 'a disengaged father': the participle is used as an adjective ('that' before a verb is a relative pronoun). */
function followsDeterminer(hit: TermHit): boolean {
  return /^(?:a|an|the|this|these|those|his|her|their|our|your)$/.test(hit.sentence.tokens[hit.first - 1]?.normal ?? '');
}

/** People on the service's side: 'Staff should not engage in arguments', 'I did not engage with …'. */
const PRACTITIONERS = new Set(['i', 'me', 'staff', 'worker', 'workers', 'officer', 'officers', 'teacher', 'teachers', 'nurse', 'nurses', 'doctor',
  'doctors', 'practitioner', 'practitioners', 'colleague', 'colleagues', 'manager', 'managers', 'facilitator', 'interpreter']);

function describesFamily(target: Target, applies: 'person' | 'not-service'): boolean {
  if (target.head && PRACTITIONERS.has(target.head.normal)) return false;
  if (applies === 'not-service') return target.kind !== 'service' && target.kind !== 'thing';
  return target.kind === 'person' || target.kind === 'behaviour' || (target.kind === 'none' && target.elided === true);
}

function whyNot(target: Target): string {
  if (target.kind === 'service' || (target.head && PRACTITIONERS.has(target.head.normal))) return `describes a service (“${target.head?.text ?? ''}”), not a family`;
  return target.head ? `describes “${target.head.text}”, not a person` : 'no person it describes could be found';
}
