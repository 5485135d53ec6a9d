import { defineRule } from '../../src/engine/rule.js';
import { loadTermsBeside, TermMatcher, type TermHit } from '../../src/terms/compile.js';
import { termReport } from '../../src/engine/term-report.js';
import { DETERMINERS, findTarget, PERSON_NOUNS, PERSON_PRONOUNS, SentenceView, SERVICE_PRONOUNS, type Target } from '../../src/nlp/applies-to.js';
import { quickTarget } from '../../src/nlp/quick-target.js';
import { isInsideCompound, isNegated, wordsBefore } from '../../src/nlp/label-context.js';
import { isUnquotedMention } from '../../src/parse/quotes.js';

/** First parts of a hyphenated word that keep it a label: 'passive-aggressive', 'verbally-aggressive'. */
const LABEL_PREFIXES = ['passive', 'verbally', 'physically', 'openly', 'overtly', 'very', 'highly', 'increasingly', 'extremely', 'quite', 'emotionally'];
/** Verbs of receiving: 'received threatening and racist abuse', 'faced hostility from neighbours'. */
const RECEIVED = /\b(?:receiv(?:e|es|ed|ing)|experienc(?:e|es|ed|ing)|fac(?:e|es|ed|ing)|suffer(?:s|ed|ing)?|subjected to|endur(?:e|es|ed|ing)|target(?:ed)? (?:of|by|with)|victim of|exposed to|on the receiving end of)\s+(?:(?:a|an|the|some|more|repeated|further|verbal|physical|serious|frequent|ongoing|persistent|racist|racial|\w+ly|and|,)\s*){0,4}$/i;
/** 'tired of being treated as a hostile parent', 'worried about being seen as aggressive': a label others apply to them. */
const LABEL_RECEIVED = /\b(?:(?:treated|stereotyped|branded) as|being (?:seen|labell?ed|viewed|perceived|called|described|judged|painted|portrayed)(?: as)?)\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+)?$/i;
/** People whose manipulation is the harm being described: 'the exploiters are manipulative' (TERMS, DERBY). */
const PERPETRATORS = /\b(?:exploiters?|perpetrators?|abusers?|groomers?|gangs?|traffickers?|dealers?|predators?|offenders?|elders|olders|older (?:men|males|adults))\b/i;
/** 'the men who groomed her': people described by what they did to a victim. */
const PERPETRATOR_CLAUSE = /\b(?:who|that)\s+(?:had\s+|have\s+|has\s+)?(?:groomed|exploited|abused|trafficked|targeted|raped|assaulted|controlled|coerced)\b/i;
/** A record field about conduct: 'Presentation: hostile', 'Risk to staff: aggressive and volatile'. */
const CONDUCT_FIELD_BEFORE = /\b(?:presentation|behaviou?rs?|demeanou?r|mood|attitude|manner|risks?(?: to (?:staff|workers|others|professionals))?|presenting(?: issues| needs| concerns| behaviou?rs?)?|conduct|temperament|concerns?|reasons? for referral)\s*:\s*(?:(?:very|quite|often|at times|[\w-]+\s*(?:,|and|or))\s*)*$/i;
/** Named offences: 'arrested for threatening behaviour', 'witness intimidation'. */
const OFFENCE_CONTEXT = /\b(?:arrest(?:ed)?|charg(?:e|ed|es)|caution(?:ed)?|convict(?:ed|ions?)|offences?|public order|section 4|s\.?\s?4a?|prosecut(?:ed|ion)|court|pleaded|plead)\b/i;
/** A noun label names somebody's conduct when it is theirs or aimed at someone. */
const NOUN_OWNER_BEFORE = /\b(?:his|her|their|my|your|[A-Z][\w'-]*'s|verbal|physical|show(?:s|ed|n|ing)?|display(?:s|ed|ing)?|displays of|exhibit(?:s|ed|ing)?|us(?:e|es|ed|ing)|history of|episodes? of|incidents? of|outbursts? of|signs? of|acts? of|bouts? of)\s+(?:\w+\s+)?$/i;
const NOUN_AIM_AFTER = /^\s+(?:towards?|to|at|against|toward)\b/i;
const FEELING_SELF_REPORT = /\b(?:she|he|they|i)\s+(?:said|says|told\s+(?:me|us|staff|the \w+)|explained|shared|described|reported|stated|expressed)\s+(?:that\s+)?(?:she|he|they|i)\s+(?:was|is|were|are|had been|has been|gets|got|felt|feels)\b/i;

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
    fix: 'none',
    needs: ['sentences', 'quotes', 'pos'],
    thirdPartyQuotes: 'info',
    messages: {
      label:
        '“{term}” is a behavioural label that can trigger racialised preconceptions. Describe instead what was said or done, when and in what context, and the effect on others. {note}',
      quotedLabel:
        '“{term}” is somebody else’s label, quoted. Record what they saw or heard, not only their word for it. {note}',
    },
    docs: {
      summary: "Describe behaviour instead of labels such as 'aggressive', 'hostile' or 'emotionally unavailable'.",
      rationale:
        "Standard 2.9 asks us to avoid behavioural labels that can trigger preconceived ideas related to racism, such as 'aggressive' or 'emotionally unavailable', and to describe patterns of behaviour in detail instead; 002 'Communicate Clearly' repeats it. Standard 2.10 warns that speaking loudly, showing emotion or avoiding eye contact may be read as 'aggressive' or 'disrespectful' in a Western frame when it could be passion, assertiveness or lack of confidence. The rule only reports a label applied to a person or their conduct: 'aggressive treatment', 'a loud bang', 'unpredictable shifts', 'a threatening letter', 'life-threatening', 'rude health', 'a hostile witness', 'threatening behaviour' as a named offence and racist abuse a person received are left alone, as are a person's own words about their feelings and labels quoted in an instruction to rewrite them. Labels on perpetrators are still labels (only 'manipulative' of exploiters is exempt). A label quoted from somebody else is reported for information. Swapping in a positive label ('passionate') is still a label: write what happened.",
      examples: {
        bad: [
          'Ms Okafor was aggressive when I explained the next steps.',
          'Staff describe him as evasive and manipulative.',
          'Do not visit hostile or volatile service users alone.',
        ],
        good: [
          'Ms Okafor stood up and said "You people always take our kids" when I explained that the case would go to conference.',
          'Kwame is receiving aggressive treatment for lymphoma.',
          'She said she felt angry that nobody had called her back.',
          'There was a loud bang from the flat above.',
        ],
      },
    },
  },
  terms: new TermMatcher(loadTermsBeside(import.meta.url), 'trigger-label/terms.yml'),
  check(doc, ctx) {
    for (const hit of ctx.termHits()) {
      const descriptor = termReport(ctx, hit, 'label');
      const quote = ctx.quoteAt(hit.span);
      if (quote?.kind === 'third-party-label') descriptor.messageId = 'quotedLabel';
      // Inside quotation marks the engine decides whose words they are (third-party labels become info).
      if (!quote && isUnquotedMention(doc.text, hit)) {
        ctx.exempt(descriptor, 'mention', 'the word is being discussed, not used');
        continue;
      }
      // Quoted words other than a third party's label are exempt whatever they describe: no need to analyse them.
      if (quote && quote.kind !== 'third-party-label') {
        ctx.report(descriptor);
        continue;
      }
      const reason = legitimateUse(hit, doc.text, () => ctx.tags(hit.sentence));
      if (reason) ctx.exempt(descriptor, 'legitimate-sense', reason);
      else ctx.report(descriptor);
    }
  },
});

/** Why this occurrence is not a label on a person, or undefined when it is one. */
function legitimateUse(hit: TermHit, source: string, tags: () => Set<string>[]): string | undefined {
  const { sentence } = hit;
  if (isInsideCompound(hit, LABEL_PREFIXES)) return `part of the compound “${sentence.tokens[hit.first].text}”`;
  if (isNegated(hit, source)) return 'negated: records that the behaviour was absent';
  const before = wordsBefore(source, hit);
  const after = source.slice(hit.span.end, sentence.span.end);
  const id = hit.term.id;
  if (id === 'loud' && (/\bout\s+$/i.test(before) || /^\s+and clear\b/i.test(after))) return 'idiom';
  if (id === 'evasive' && /^\s+action\b/i.test(after)) return 'idiom';
  if (id === 'angry' && /\b(?:made|makes|make|making|left|leaves)\s+(?:him|her|them|me|us|[A-Z]\w+)\s+(?:\w+\s+)?$/.test(before)) return 'a feeling caused by something, not a trait';
  if (id === 'threatening' && threatensToDo(after)) return 'reports what the person threatened to do';
  const fixed = fixedExpression(hit, after);
  if (fixed) return `part of the set expression “${fixed}”`;
  if (id === 'threatening' && /^\s+behaviou?r\b/i.test(after) && (OFFENCE_CONTEXT.test(source.slice(sentence.span.start, sentence.span.end)) || /^\s*Threatening Behaviou?r/.test(source.slice(hit.span.start)))) {
    return "'threatening behaviour' as a named offence";
  }
  if (id === 'intimidation' && (/^\s+of (?:a |the )?witness/i.test(after) || /\bwitness\s+$/i.test(before))) return 'a named offence';
  const text = source.slice(sentence.span.start, sentence.span.end);
  if (id === 'manipulative' && (PERPETRATORS.test(text) || PERPETRATOR_CLAUSE.test(text))) return 'describes how perpetrators exploit a victim';
  if (hit.term.form === 'noun') {
    if (RECEIVED.test(before)) return 'describes harm the person received from somebody else';
    if (CONDUCT_FIELD_BEFORE.test(before)) return undefined;
    return nounIsLabel(before, after) ? undefined : 'does not name anybody’s conduct';
  }

  // The words alone usually say who the label describes; the tagger is loaded only when they do not.
  const target = quickTarget(sentence, source, hit.first, hit.last) ?? findTarget(new SentenceView(sentence, tags(), source), hit.first, hit.last);
  // 'Presentation: hostile', 'Risk to staff: volatile' (but 'Risks: aggressive dog' describes the dog).
  if (CONDUCT_FIELD_BEFORE.test(before) && target.relation !== 'attributive') return undefined;
  if (target.kind === 'thing' || target.kind === 'service') return describeTarget(target);
  if (target.comodifiers.some((t) => /^racis[tm]|^racial/.test(t.normal))) return 'racist abuse named as such';
  if (RECEIVED.test(before)) return 'describes harm the person received from somebody else';
  if (LABEL_RECEIVED.test(before)) return 'a label the person says others put on them';
  if (id === 'angry' && isOwnFeeling(target, source, hit)) return "the person's own feeling, reported";
  if (isAccountOfProfessional(target, before)) return "the person's own account of how a professional treated them";
  return labelsAPerson(target, hit.term.strength === 'strong') ? undefined : describeTarget(target);
}

/** 'threatening to leave' reports a threat; 'threatening to the worker' labels the person. */
function threatensToDo(after: string): boolean {
  const next = /^\s+to\s+([\w'-]+)/.exec(after)?.[1];
  if (!next) return false;
  const word = next.toLowerCase();
  return !/^\p{Lu}/u.test(next) && !DETERMINERS.has(word) && !PERSON_PRONOUNS.has(word) && !PERSON_NOUNS.has(word) && !SERVICE_PRONOUNS.has(word);
}

/** 'hostile witness', 'hostile takeover': a term's `fixed` nouns (terms.yml) make a set expression, not a label. */
function fixedExpression(hit: TermHit, after: string): string | undefined {
  const nouns = Array.isArray(hit.term.fixed) ? hit.term.fixed.map(String) : [];
  const next = /^[\s-]+([\w'-]+)/.exec(after)?.[1];
  return next && nouns.includes(next.toLowerCase()) ? `${hit.text} ${next}` : undefined;
}

function nounIsLabel(before: string, after: string): boolean {
  if (/^\s+from\b/i.test(after)) return false;
  return NOUN_OWNER_BEFORE.test(before) || NOUN_AIM_AFTER.test(after);
}

/** Professionals and officials: a family's account of how they were treated is theirs to give (001 §5.12). */
const PROFESSIONALS = new Set(['officer', 'officers', 'staff', 'teacher', 'teachers', 'worker', 'workers', 'nurse', 'nurses', 'doctor', 'doctors',
  'professional', 'professionals', 'practitioner', 'practitioners', 'receptionist', 'receptionists', 'paramedic', 'paramedics', 'guard', 'guards',
  'interpreter', 'manager', 'landlord', 'caretaker', 'warden', 'constable', 'constables', 'sergeant']);
const REPORTED_BEFORE = /\b(?:said|says|told (?:me|us|staff|the \w+)|explained|complained|reported|alleged|described how|feels|felt) (?:that )?(?:the |a |an |his |her |their |two |some |several )?(?:[\w'-]+ ){0,2}$/i;

/** 'Ms Bello told me the police officers were aggressive': her account of professionals, not our label. */
function isAccountOfProfessional(target: Target, before: string): boolean {
  const head = target.head;
  if (!head || target.relation === 'attributive' || !PROFESSIONALS.has(head.normal)) return false;
  const upToHead = before.slice(0, before.lastIndexOf(head.text));
  return upToHead.length > 0 && REPORTED_BEFORE.test(upToHead);
}

/** 'she said she felt angry', 'he told me he was angry about the delay'. */
function isOwnFeeling(target: Target, source: string, hit: TermHit): boolean {
  if (target.link && /^(?:feel|feels|felt|feeling)$/.test(target.link.normal)) return true;
  const clause = source.slice(hit.sentence.span.start, hit.span.start);
  return FEELING_SELF_REPORT.test(clause);
}

function labelsAPerson(target: Target, strong: boolean): boolean {
  switch (target.kind) {
    case 'person':
    case 'behaviour':
      return true;
    case 'thing':
    case 'service':
      return false;
    case 'unknown':
      return strong;
    case 'none':
      return strong || target.elided === true;
  }
}

function describeTarget(target: Target): string {
  if (target.head) return `describes “${target.head.text}”, not a person or their conduct`;
  return 'no person it describes could be found';
}
